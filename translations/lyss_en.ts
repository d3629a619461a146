<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppContext</name>
    <message numerus="yes">
        <source>%n reply(s) were cut off when Lyss last stopped; what had arrived is kept and marked interrupted.</source>
        <translation>
            <numerusform>%n reply was cut off when Lyss last stopped; what had arrived is kept and marked interrupted.</numerusform>
            <numerusform>%n replies were cut off when Lyss last stopped; what had arrived is kept and marked interrupted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatGptFormat</name>
    <message numerus="yes">
        <source>Left out %n part(s) that were not text (images, files, tool output, reasoning summaries).</source>
        <translation>
            <numerusform>Left out %n part that was not text (images, files, tool output, reasoning summaries).</numerusform>
            <numerusform>Left out %n parts that were not text (images, files, tool output, reasoning summaries).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatImporter</name>
    <message numerus="yes">
        <source>Imported %n chat(s)</source>
        <translation>
            <numerusform>Imported %n chat</numerusform>
            <numerusform>Imported %n chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with %n message(s) from %1</source>
        <translation>
            <numerusform>with %n message from %1</numerusform>
            <numerusform>with %n messages from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n chat(s) imported before</source>
        <translation>
            <numerusform>skipped %n chat imported before</numerusform>
            <numerusform>skipped %n chats imported before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out %n chat(s) with no messages: %1.</source>
        <translation>
            <numerusform>Left out %n chat with no messages: %1.</numerusform>
            <numerusform>Left out %n chats with no messages: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message numerus="yes">
        <source>Delete the chat &quot;%1&quot; and its %n message(s)? [y/N] </source>
        <translation>
            <numerusform>Delete the chat &quot;%1&quot; and its %n message? [y/N] </numerusform>
            <numerusform>Delete the chat &quot;%1&quot; and its %n messages? [y/N] </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted the chat &quot;%1&quot; (%n message(s)).</source>
        <translation>
            <numerusform>Deleted the chat &quot;%1&quot; (%n message).</numerusform>
            <numerusform>Deleted the chat &quot;%1&quot; (%n messages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) before it were written whole.</source>
        <translation>
            <numerusform>%n file before it was written whole.</numerusform>
            <numerusform>%n files before it were written whole.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n file to %1.</numerusform>
            <numerusform>Wrote %n files to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chat(s) to %1.</source>
        <translation>
            <numerusform>Exported %n chat to %1.</numerusform>
            <numerusform>Exported %n chats to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigJsonImporter</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n setting(s) that Lyss does not use yet, under their own names: %1.</source>
        <translation>
            <numerusform>Kept %n setting that Lyss does not use yet, under their own names: %1.</numerusform>
            <numerusform>Kept %n settings that Lyss does not use yet, under their own names: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::DataPage</name>
    <message numerus="yes">
        <source>Exported %n chat(s) to %1.</source>
        <translation>
            <numerusform>Exported %n chat to %1.</numerusform>
            <numerusform>Exported %n chats to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::MainWindow</name>
    <message numerus="yes">
        <source>%n reply(s) could not be saved, and leaving now loses them. Copy what you need, or free some space and press Retry saving first. Leave anyway?</source>
        <translation>
            <numerusform>%n reply could not be saved, and leaving now loses it. Copy what you need, or free some space and press Retry saving first. Leave anyway?</numerusform>
            <numerusform>%n replies could not be saved, and leaving now loses them. Copy what you need, or free some space and press Retry saving first. Leave anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::MarkdownRenderer</name>
    <message numerus="yes">
        <source>A table of %n row(s), too large to lay out, shown as text:</source>
        <translation>
            <numerusform>A table of %n row, too large to lay out, shown as text:</numerusform>
            <numerusform>A table of %n rows, too large to lay out, shown as text:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::MessageDelegate</name>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>Thought for %n s</numerusform>
            <numerusform>Thought for %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::ReplyCost</name>
    <message numerus="yes">
        <source>Continued %n time(s)</source>
        <translation>
            <numerusform>Continued %n time</numerusform>
            <numerusform>Continued %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::SocketIoClient</name>
    <message numerus="yes">
        <source>%1; gave up after %n attempt(s) (Retry to try again)</source>
        <translation>
            <numerusform>%1; gave up after %n attempt (Retry to try again)</numerusform>
            <numerusform>%1; gave up after %n attempts (Retry to try again)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::UnsavedReplies</name>
    <message numerus="yes">
        <source>%n reply(s) could not be saved: %1</source>
        <translation>
            <numerusform>%n reply could not be saved: %1</numerusform>
            <numerusform>%n replies could not be saved: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::WholeTextViewer</name>
    <message numerus="yes">
        <source>The whole message (%n character(s))</source>
        <translation>
            <numerusform>The whole message (%n character)</numerusform>
            <numerusform>The whole message (%n characters)</numerusform>
        </translation>
    </message>
</context>
</TS>
