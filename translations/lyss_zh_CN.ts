<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>The name or the password is not right.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>Only an admin may %1; you are signed in as %2 (%3).</source>
        <translation>只有管理员才能%1；你当前以 %2（%3）身份登录。</translation>
    </message>
    <message>
        <source>try again in 1 second</source>
        <translation>请 1 秒后再试</translation>
    </message>
    <message>
        <source>try again in %1 seconds</source>
        <translation>请 %1 秒后再试</translation>
    </message>
    <message>
        <source>try again in %1 minutes</source>
        <translation>请 %1 分钟后再试</translation>
    </message>
    <message>
        <source>Accounts are already on.</source>
        <translation>账户功能已经开启。</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>请为账户取一个名字。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>没有账户 %1。</translation>
    </message>
    <message>
        <source>turn accounts off</source>
        <translation>关闭账户功能</translation>
    </message>
    <message>
        <source>Accounts can be turned off only while a single account exists; there are %1. Remove the others first.</source>
        <translation>只有在仅剩一个账户时才能关闭账户功能；现在有 %1 个。请先删除其他账户。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for %1: %2.</source>
        <translation>%1 登录失败次数过多：%2。</translation>
    </message>
    <message>
        <source>The account %1 is disabled; ask an admin.</source>
        <translation>账户 %1 已被停用；请联系管理员。</translation>
    </message>
    <message>
        <source>An admin set a new password for %1: choose your own first (lyss-cli users passwd %1).</source>
        <translation>管理员为 %1 设置了新密码：请先设置你自己的密码（lyss-cli users passwd %1）。</translation>
    </message>
    <message>
        <source>Creating an account here is not allowed; ask an admin to add you.</source>
        <translation>这里不允许自行创建账户；请让管理员添加你。</translation>
    </message>
    <message>
        <source>You are not signed in (or the session ended): sign in again.</source>
        <translation>你尚未登录（或会话已结束）：请重新登录。</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>没有名为 %1 的账户。</translation>
    </message>
    <message>
        <source>%1 is the only admin: make someone else an admin before you %2.</source>
        <translation>%1 是唯一的管理员：在%2之前，请先让其他人成为管理员。</translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation>列出账户</translation>
    </message>
    <message>
        <source>add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>change a role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>change their role</source>
        <translation>更改其角色</translation>
    </message>
    <message>
        <source>approve an account</source>
        <translation>批准账户</translation>
    </message>
    <message>
        <source>%1 is not waiting for approval (%2).</source>
        <translation>%1 并不在等待批准（%2）。</translation>
    </message>
    <message>
        <source>disable an account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>enable an account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>disable them</source>
        <translation>停用该账户</translation>
    </message>
    <message>
        <source>set another person&apos;s password</source>
        <translation>设置他人的密码</translation>
    </message>
    <message>
        <source>remove an account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>You cannot remove your own account.</source>
        <translation>你不能删除自己的账户。</translation>
    </message>
    <message>
        <source>remove them</source>
        <translation>删除该账户</translation>
    </message>
    <message>
        <source>Accounts are off: turn them on first (lyss-cli accounts enable --name NAME).</source>
        <translation>账户功能已关闭：请先开启（lyss-cli accounts enable --name NAME）。</translation>
    </message>
    <message>
        <source>%1 is the account Lyss began with and cannot be removed; disable it instead.</source>
        <translation>%1 是 Lyss 最初的账户，不能删除；可以改为停用它。</translation>
    </message>
    <message>
        <source>export another person&apos;s chats</source>
        <translation>导出他人的聊天</translation>
    </message>
    <message>
        <source>To change your own password, give the current one: Change password in the person menu, or lyss-cli users passwd.</source>
        <translation>要更改你自己的密码，请提供当前密码：使用用户菜单中的“更改密码”，或 lyss-cli users passwd。</translation>
    </message>
</context>
<context>
    <name>ApiKey</name>
    <message>
        <source>the key is not in the keyring</source>
        <translation>密钥不在密钥环中</translation>
    </message>
    <message>
        <source>the keyring did not answer within %1 seconds (is it locked and waiting for a password?)</source>
        <translation>密钥环在 %1 秒内没有回应（它是否已锁定，正在等待密码？）</translation>
    </message>
    <message>
        <source>the keyring has not answered yet</source>
        <translation>密钥环尚未回应</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>The database was upgraded to version %1; a copy of the old one is at %2.</source>
        <translation>数据库已升级到版本 %1；旧数据库的副本在 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) were cut off when Lyss last stopped; what had arrived is kept and marked interrupted.</source>
        <translation>
            <numerusform>有 %n 条回复在 Lyss 上次停止时被中断；已收到的内容已保留并标记为“已中断”。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is open read only: %2. Its chats can be read, exported and backed up; nothing can be changed until it can be written.</source>
        <translation>%1 以只读方式打开：%2。其中的对话可以查看、导出和备份；在它可写之前无法做任何更改。</translation>
    </message>
    <message>
        <source>The address of the server %1 had a password in it. Lyss keeps no passwords in its database: the address is now %2, and the one with the password is in the keyring as %3.</source>
        <translation>服务器 %1 的地址中含有密码。Lyss 不在数据库中保存任何密码：地址现在是 %2，带密码的地址保存在密钥环中，名为 %3。</translation>
    </message>
    <message>
        <source>The address of the server %1 has a password in it, which Lyss does not keep in its database. With no keyring to move it to, it is left there for now; give the server an API key, or set its address again without the password.</source>
        <translation>服务器 %1 的地址中含有密码，而 Lyss 不在数据库中保存密码。由于没有可以移入的密钥环，暂时保持原样；请给该服务器一个 API 密钥，或重新设置不含密码的地址。</translation>
    </message>
    <message>
        <source>There is no account with the id %1.</source>
        <translation>没有 ID 为 %1 的账户。</translation>
    </message>
    <message>
        <source>change the installation&apos;s setting %1</source>
        <translation>更改安装级设置 %1</translation>
    </message>
    <message>
        <source>The account you were signed in as is gone.</source>
        <translation>你登录所用的账户已不存在。</translation>
    </message>
    <message>
        <source>The account %1 is disabled; ask an admin.</source>
        <translation>账户 %1 已被停用；请联系管理员。</translation>
    </message>
    <message>
        <source>The account %1 waits for an admin&apos;s approval; until then it can do nothing.</source>
        <translation>账户 %1 正在等待管理员批准；在此之前无法进行任何操作。</translation>
    </message>
    <message>
        <source>back up the whole database</source>
        <translation>备份整个数据库</translation>
    </message>
    <message>
        <source>The backup cannot replace the database itself.</source>
        <translation>备份不能替换数据库本身。</translation>
    </message>
    <message>
        <source>You are not signed in (or the session ended): sign in again.</source>
        <translation>你尚未登录（或会话已结束）：请重新登录。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>%2 上的进程 %1</translation>
    </message>
    <message>
        <source>Another Lyss is writing a reply into this database right now (%1). Restoring would replace it under that program and the reply would be lost. Let the reply finish and close that Lyss, then restore again. Nothing was changed.</source>
        <translation>另一个 Lyss 正在向此数据库写入回复（%1）。现在恢复会在该程序运行时替换数据库，回复将会丢失。请等待回复完成并关闭那个 Lyss，然后再恢复。没有做任何更改。</translation>
    </message>
    <message>
        <source>Another Lyss has this database open (%1): restoring would replace the file under it, and what it writes next would be lost. Close that Lyss, then restore again. Nothing was changed.</source>
        <translation>另一个 Lyss 正打开着这个数据库（%1）：恢复会在它不知情时替换文件，它接下来写入的内容会丢失。请先关闭那个 Lyss，再重新恢复。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>Could not write %1: %2. The file is as it was before.</source>
        <translation>无法写入 %1：%2。该文件保持原样。</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Nothing was written.</source>
        <translation>无法写入 %1：%2。没有写入任何内容。</translation>
    </message>
    <message>
        <source>Could not put %1 in place of %2: %3.</source>
        <translation>无法用 %1 替换 %2：%3。</translation>
    </message>
</context>
<context>
    <name>BackendRepository</name>
    <message>
        <source>Reading the backends</source>
        <translation>正在读取后端</translation>
    </message>
    <message>
        <source>Reading the backend %1</source>
        <translation>正在读取后端 %1</translation>
    </message>
    <message>
        <source>A backend named &quot;%1&quot; already exists. Choose another name, or remove the old one first.</source>
        <translation>名为“%1”的后端已存在。请换一个名称，或先删除旧的。</translation>
    </message>
    <message>
        <source>Adding the backend %1</source>
        <translation>正在添加后端 %1</translation>
    </message>
    <message>
        <source>Changing the backend %1</source>
        <translation>正在修改后端 %1</translation>
    </message>
    <message>
        <source>There is no backend named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的后端。</translation>
    </message>
    <message>
        <source>Removing the backend %1</source>
        <translation>正在删除后端 %1</translation>
    </message>
    <message>
        <source>add a backend</source>
        <translation>添加后端</translation>
    </message>
    <message>
        <source>change a backend</source>
        <translation>更改后端</translation>
    </message>
    <message>
        <source>remove a backend</source>
        <translation>删除后端</translation>
    </message>
</context>
<context>
    <name>ChatBulkWriter</name>
    <message>
        <source>Preparing the import</source>
        <translation>正在准备导入</translation>
    </message>
    <message>
        <source>Saving the chat &quot;%1&quot;</source>
        <translation>正在保存对话“%1”</translation>
    </message>
    <message>
        <source>Saving a message</source>
        <translation>正在保存一条消息</translation>
    </message>
    <message>
        <source>Saving the chat&apos;s current branch</source>
        <translation>正在保存对话的当前分支</translation>
    </message>
    <message>
        <source>Indexing the imported messages for search</source>
        <translation>正在为导入的消息建立搜索索引</translation>
    </message>
</context>
<context>
    <name>ChatGptFormat</name>
    <message>
        <source>Chat %1 of %2 (&quot;%3&quot;, id %4): </source>
        <translation>第 %1 个对话（共 %2 个，“%3”，id %4）：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not a JSON object.</source>
        <translation>不是 JSON 对象。</translation>
    </message>
    <message>
        <source>it has no id.</source>
        <translation>它没有 id。</translation>
    </message>
    <message>
        <source>&quot;mapping&quot; is missing, so there are no messages to import.</source>
        <translation>缺少“mapping”，因此没有可导入的消息。</translation>
    </message>
    <message>
        <source>mapping.%1.parent must be a node id or null.</source>
        <translation>mapping.%1.parent 必须是节点 id 或 null。</translation>
    </message>
    <message>
        <source>mapping.%1.parent: &quot;%2&quot; is not one of this chat&apos;s nodes.</source>
        <translation>mapping.%1.parent：“%2”不是此对话中的节点。</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n part(s) that were not text (images, files, tool output, reasoning summaries).</source>
        <translation>
            <numerusform>略去了 %n 个非文本部分（图片、文件、工具输出、推理摘要）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatImporter</name>
    <message numerus="yes">
        <source>Imported %n chat(s)</source>
        <translation>
            <numerusform>已导入 %n 个对话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with %n message(s) from %1</source>
        <translation>
            <numerusform>共 %n 条消息，来自 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n chat(s) imported before</source>
        <translation>
            <numerusform>跳过了 %n 个之前导入过的对话</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at line %3, column %4. Nothing was imported.</source>
        <translation>%1 不是有效的 JSON：第 %3 行第 %4 列出现 %2。没有导入任何内容。</translation>
    </message>
    <message>
        <source>Lyss imports Open WebUI&apos;s chat export (chat-export-….json) and ChatGPT&apos;s conversations.json.</source>
        <translation>Lyss 可以导入 Open WebUI 的对话导出（chat-export-….json）和 ChatGPT 的 conversations.json。</translation>
    </message>
    <message>
        <source>%1 is not a list of chats. %2 Nothing was imported.</source>
        <translation>%1 不是对话列表。%2 没有导入任何内容。</translation>
    </message>
    <message>
        <source>an empty export</source>
        <translation>一份空的导出</translation>
    </message>
    <message>
        <source>%1 is neither an Open WebUI nor a ChatGPT export. %2 Nothing was imported.</source>
        <translation>%1 既不是 Open WebUI 的导出，也不是 ChatGPT 的导出。%2 没有导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n chat(s) with no messages: %1.</source>
        <translation>
            <numerusform>略去了 %n 个没有消息的对话：%1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatRepository</name>
    <message>
        <source>Creating the chat &quot;%1&quot;</source>
        <translation>正在创建对话“%1”</translation>
    </message>
    <message>
        <source>Reading the chat %1</source>
        <translation>正在读取对话 %1</translation>
    </message>
    <message>
        <source>No chat id was given.</source>
        <translation>没有给出对话 id。</translation>
    </message>
    <message>
        <source>Looking up the chat %1</source>
        <translation>正在查找对话 %1</translation>
    </message>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
    <message>
        <source>Several chats have ids starting with %1; give more of the id.</source>
        <translation>有多个对话的 id 以 %1 开头；请给出更长的 id。</translation>
    </message>
    <message>
        <source>Reading the chat list</source>
        <translation>正在读取对话列表</translation>
    </message>
    <message>
        <source>Saving the chat&apos;s model</source>
        <translation>正在保存对话的模型</translation>
    </message>
    <message>
        <source>Saving the chat&apos;s options</source>
        <translation>正在保存对话的选项</translation>
    </message>
    <message>
        <source>Renaming the chat</source>
        <translation>正在重命名对话</translation>
    </message>
    <message>
        <source>Pinning the chat</source>
        <translation>正在置顶对话</translation>
    </message>
    <message>
        <source>Archiving the chat</source>
        <translation>正在归档对话</translation>
    </message>
    <message>
        <source>Deleting the chat</source>
        <translation>正在删除对话</translation>
    </message>
    <message>
        <source>Tagging the chat</source>
        <translation>为对话添加标签</translation>
    </message>
    <message>
        <source>Looking for an imported chat</source>
        <translation>查找导入的对话</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>Lists the backends this run uses: those you added, those the environment defines (OLLAMA_BASE_URL, OPENAI_API_BASE_URL, ...), and Ollama at http://localhost:11434 when nothing else names an Ollama server. API keys are never shown.</source>
        <translation>列出本次运行使用的后端：你添加的、环境变量定义的（OLLAMA_BASE_URL、OPENAI_API_BASE_URL 等），以及在没有其他 Ollama 服务器时位于 http://localhost:11434 的 Ollama。API 密钥从不显示。</translation>
    </message>
    <message>
        <source>one JSON array</source>
        <translation>一个 JSON 数组</translation>
    </message>
    <message>
        <source>backends list takes no arguments</source>
        <translation>backends list 不接受参数</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>a short name: letters, digits, . _ -</source>
        <translation>简短的名称：字母、数字、. _ -</translation>
    </message>
    <message>
        <source>the server&apos;s base URL, e.g. http://localhost:11434</source>
        <translation>服务器的基础 URL，例如 http://localhost:11434</translation>
    </message>
    <message>
        <source>read the API key from stdin</source>
        <translation>从标准输入读取 API 密钥</translation>
    </message>
    <message>
        <source>add it switched off</source>
        <translation>添加后先保持关闭</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>必须提供 --%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable name: use up to 64 letters, digits, dots, dashes and underscores</source>
        <translation>“%1”不能用作名称：最多 64 个字母、数字、点、短横线和下划线</translation>
    </message>
    <message>
        <source>--key-stdin was given but standard input held no key. Nothing was added.</source>
        <translation>给出了 --key-stdin，但标准输入中没有密钥。没有添加任何内容。</translation>
    </message>
    <message>
        <source>A backend named &quot;%1&quot; already exists. Choose another name, or remove the old one first.</source>
        <translation>名为“%1”的后端已存在。请换一个名称，或先删除旧的。</translation>
    </message>
    <message>
        <source>The backend was not added.</source>
        <translation>后端没有添加。</translation>
    </message>
    <message>
        <source>Added backend %1 (%2, %3)%4.</source>
        <translation>已添加后端 %1（%2，%3）%4。</translation>
    </message>
    <message>
        <source>, key in the keyring</source>
        <translation>，密钥在密钥环中</translation>
    </message>
    <message>
        <source>Removes a backend you added, and its API key from the keyring. Chats are kept.</source>
        <translation>删除你添加的后端，并从密钥环中删除它的 API 密钥。对话会保留。</translation>
    </message>
    <message>
        <source>backends remove takes one NAME</source>
        <translation>backends remove 需要一个 NAME</translation>
    </message>
    <message>
        <source>The backend &quot;%1&quot; comes from the environment variable %2; unset it to remove the backend.</source>
        <translation>后端“%1”来自环境变量 %2；取消设置该变量即可删除此后端。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in Ollama backend at %2; it goes away by itself once you add an Ollama backend of your own.</source>
        <translation>“%1”是位于 %2 的内置 Ollama 后端；添加你自己的 Ollama 后端后，它会自动消失。</translation>
    </message>
    <message>
        <source>There is no backend named &quot;%1&quot;. See lyss-cli backends list.</source>
        <translation>没有名为“%1”的后端。请查看 lyss-cli backends list。</translation>
    </message>
    <message>
        <source>Warning: the backend was removed, but its API key is still in the keyring: %1</source>
        <translation>警告：后端已删除，但它的 API 密钥仍在密钥环中：%1</translation>
    </message>
    <message>
        <source>Removed backend %1.</source>
        <translation>已删除后端 %1。</translation>
    </message>
    <message>
        <source>backends needs a subcommand</source>
        <translation>backends 需要一个子命令</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;backends %1&quot;</source>
        <translation>未知的子命令“backends %1”</translation>
    </message>
    <message>
        <source>--%1 needs a number, not &quot;%2&quot;</source>
        <translation>--%1 需要一个数字，而不是“%2”</translation>
    </message>
    <message>
        <source>the backend to ask</source>
        <translation>要询问的后端</translation>
    </message>
    <message>
        <source>the model (name or backend/name)</source>
        <translation>模型（名称或 后端/名称）</translation>
    </message>
    <message>
        <source>continue this chat</source>
        <translation>继续这个对话</translation>
    </message>
    <message>
        <source>system prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>sampling temperature</source>
        <translation>采样温度</translation>
    </message>
    <message>
        <source>context window (Ollama num_ctx)</source>
        <translation>上下文窗口（Ollama num_ctx）</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>how long Ollama keeps the model loaded, e.g. 5m</source>
        <translation>Ollama 保持模型加载的时长，例如 5m</translation>
    </message>
    <message>
        <source>ask a reasoning model to think</source>
        <translation>让推理模型进行思考</translation>
    </message>
    <message>
        <source>one JSON event per line</source>
        <translation>每行一个 JSON 事件</translation>
    </message>
    <message>
        <source>chat takes one PROMPT (or - to read standard input)</source>
        <translation>chat 需要一个 PROMPT（或用 - 读取标准输入）</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>无法读取标准输入。</translation>
    </message>
    <message>
        <source>the prompt is empty</source>
        <translation>提示词为空</translation>
    </message>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
    <message>
        <source>No models are available. Download one with: lyss-cli pull llama3.2</source>
        <translation>没有可用的模型。下载一个：lyss-cli pull llama3.2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation>对话 %1</translation>
    </message>
    <message>
        <source>Stopped; the partial reply is saved.</source>
        <translation>已停止；部分回复已保存。</translation>
    </message>
    <message>
        <source>The partial reply is saved.</source>
        <translation>部分回复已保存。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Lists chats, most recently active first.</source>
        <translation>列出对话，最近活跃的在前。</translation>
    </message>
    <message>
        <source>include archived chats</source>
        <translation>包括已归档的对话</translation>
    </message>
    <message>
        <source>chats list takes no arguments</source>
        <translation>chats list 不接受参数</translation>
    </message>
    <message>
        <source>No chats yet.</source>
        <translation>还没有对话。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>MESSAGES</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Shows a chat&apos;s current branch, root first. ID may be the start of a chat&apos;s id if only one chat matches it.</source>
        <translation>显示一个对话的当前分支，从根开始。只要只有一个对话匹配，ID 可以只写开头部分。</translation>
    </message>
    <message>
        <source>one JSON object</source>
        <translation>一个 JSON 对象</translation>
    </message>
    <message>
        <source>chats show takes one chat ID</source>
        <translation>chats show 需要一个对话 ID</translation>
    </message>
    <message>
        <source>[thinking] %1</source>
        <translation>[思考] %1</translation>
    </message>
    <message>
        <source>[error] %1</source>
        <translation>[错误] %1</translation>
    </message>
    <message>
        <source>chats needs a subcommand</source>
        <translation>chats 需要一个子命令</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;chats %1&quot;</source>
        <translation>未知的子命令“chats %1”</translation>
    </message>
    <message>
        <source>There is no enabled backend named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的已启用后端。</translation>
    </message>
    <message>
        <source>Run &quot;lyss-cli %1 --help&quot; for how to use it.</source>
        <translation>运行“lyss-cli %1 --help”查看用法。</translation>
    </message>
    <message>
        <source>Usage: lyss-cli [--data-dir DIR] %1</source>
        <translation>用法：lyss-cli [--data-dir DIR] %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>未知选项 --%1</translation>
    </message>
    <message>
        <source>--%1 does not take a value</source>
        <translation>--%1 不接受值</translation>
    </message>
    <message>
        <source>--%1 needs a value (%2)</source>
        <translation>--%1 需要一个值（%2）</translation>
    </message>
    <message>
        <source>database (kept from an import; not used by Lyss)</source>
        <translation>数据库（来自导入而保留；Lyss 不使用）</translation>
    </message>
    <message>
        <source>Prints the value of the setting KEY as JSON.</source>
        <translation>以 JSON 打印设置 KEY 的值。</translation>
    </message>
    <message>
        <source>config get takes one KEY</source>
        <translation>config get 需要一个 KEY</translation>
    </message>
    <message>
        <source>Stores VALUE (JSON; text settings also take plain words) for the setting KEY.
Example: lyss-cli config set ui.theme dark</source>
        <translation>为设置 KEY 保存 VALUE（JSON；文本设置也可以直接写单词）。
示例：lyss-cli config set ui.theme dark</translation>
    </message>
    <message>
        <source>config set takes a KEY and a VALUE</source>
        <translation>config set 需要一个 KEY 和一个 VALUE</translation>
    </message>
    <message>
        <source>Saved. While %1 is set in the environment, it overrides this value.</source>
        <translation>已保存。只要环境中设置了 %1，它就会覆盖这个值。</translation>
    </message>
    <message>
        <source>Removes KEY from the database, so its default applies.</source>
        <translation>从数据库中删除 KEY，使其恢复默认值。</translation>
    </message>
    <message>
        <source>config unset takes one KEY</source>
        <translation>config unset 需要一个 KEY</translation>
    </message>
    <message>
        <source>Lists every setting with its value and where the value comes from: default, database or environment.</source>
        <translation>列出每个设置的值及其来源：默认值、数据库或环境变量。</translation>
    </message>
    <message>
        <source>config list takes no arguments</source>
        <translation>config list 不接受参数</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Usage: lyss-cli [--data-dir DIR] config get|set|unset|list ...

  config get KEY          print a setting&apos;s value (JSON)
  config set KEY VALUE    change a setting
  config unset KEY        go back to the default
  config list [--json]    every setting and its source
</source>
        <translation>用法：lyss-cli [--data-dir DIR] config get|set|unset|list ...

  config get KEY          打印设置的值（JSON）
  config set KEY VALUE    修改设置
  config unset KEY        恢复默认值
  config list [--json]    所有设置及其来源
</translation>
    </message>
    <message>
        <source>config needs a subcommand</source>
        <translation>config 需要一个子命令</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;config %1&quot;</source>
        <translation>未知的子命令“config %1”</translation>
    </message>
    <message>
        <source>import takes one FILE</source>
        <translation>import 需要一个 FILE</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 chats</source>
        <translation>正在导入：第 %1 个，共 %2 个对话</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>only this chat</source>
        <translation>只导出这个对话</translation>
    </message>
    <message>
        <source>json (default) or markdown</source>
        <translation>json（默认）或 markdown</translation>
    </message>
    <message>
        <source>where to write (also -o)</source>
        <translation>写到哪里（也可用 -o）</translation>
    </message>
    <message>
        <source>--format must be json or markdown</source>
        <translation>--format 必须是 json 或 markdown</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个文件写入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chat(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writes a consistent copy of the whole database to FILE with SQLite&apos;s online backup API; safe while the app is running. API keys are not in it: they stay in the keyring.</source>
        <translation>使用 SQLite 的在线备份 API 把整个数据库的一致副本写入 FILE；应用运行时也可以安全进行。API 密钥不在其中：它们留在密钥环里。</translation>
    </message>
    <message>
        <source>replace FILE if it exists</source>
        <translation>如果 FILE 已存在则替换它</translation>
    </message>
    <message>
        <source>backup takes one FILE</source>
        <translation>backup 需要一个 FILE</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <source>restore takes one FILE</source>
        <translation>restore 需要一个 FILE</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>Restored from %1; the previous database is kept as %2.</source>
        <translation>已从 %1 恢复；之前的数据库保留为 %2。</translation>
    </message>
    <message>
        <source>use this backend (see lyss-cli backends list)</source>
        <translation>使用这个后端（见 lyss-cli backends list）</translation>
    </message>
    <message>
        <source>The backend &quot;%1&quot; is not an Ollama server; only Ollama can pull, remove and list loaded models.</source>
        <translation>后端“%1”不是 Ollama 服务器；只有 Ollama 能拉取、删除模型和列出已加载的模型。</translation>
    </message>
    <message>
        <source>No Ollama backend is configured or enabled.</source>
        <translation>没有配置或启用任何 Ollama 后端。</translation>
    </message>
    <message>
        <source>Lists the models of every enabled backend. A name offered by two backends is shown as backend/model.</source>
        <translation>列出每个已启用后端的模型。两个后端都提供的名称显示为 后端/模型。</translation>
    </message>
    <message>
        <source>No models yet. Download one with: lyss-cli pull llama3.2</source>
        <translation>还没有模型。下载一个：lyss-cli pull llama3.2</translation>
    </message>
    <message>
        <source>BACKEND</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>FAMILY</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>QUANTIZATION</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Downloads MODEL into Ollama, showing progress. Ctrl-C stops; pulling again continues where it stopped.</source>
        <translation>把 MODEL 下载到 Ollama 并显示进度。Ctrl-C 停止；再次拉取会从停止的地方继续。</translation>
    </message>
    <message>
        <source>pull takes one MODEL</source>
        <translation>pull 需要一个 MODEL</translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation>已拉取 %1。</translation>
    </message>
    <message>
        <source>Deletes MODEL from Ollama.</source>
        <translation>从 Ollama 删除 MODEL。</translation>
    </message>
    <message>
        <source>rm takes one MODEL</source>
        <translation>rm 需要一个 MODEL</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Lists the models Ollama has loaded in memory.</source>
        <translation>列出 Ollama 已加载到内存中的模型。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>没有已加载的模型。</translation>
    </message>
    <message>
        <source>IN VRAM</source>
        <translation>显存占用</translation>
    </message>
    <message>
        <source>UNLOADS AT</source>
        <translation>卸载时间</translation>
    </message>
    <message>
        <source>Could not write the output: %1. Nothing after that point was written.</source>
        <translation>无法写入输出：%1。此后的内容均未写入。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) before it were written whole.</source>
        <translation>
            <numerusform>在它之前的 %n 个文件已完整写入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletes a chat with all its messages and branches. Without --yes it asks first, on a terminal; elsewhere it needs --yes. A backup (lyss-cli backup) is the way back.</source>
        <translation>删除一个对话及其全部消息和分支。不加 --yes 时会先在终端上询问；在其他情况下需要 --yes。要恢复，请使用备份（lyss-cli backup）。</translation>
    </message>
    <message>
        <source>do not ask</source>
        <translation>不询问</translation>
    </message>
    <message>
        <source>chats delete takes one chat ID</source>
        <translation>chats delete 需要一个对话 ID</translation>
    </message>
    <message>
        <source>chats delete needs --yes when it cannot ask (standard input is not a terminal)</source>
        <translation>无法询问时（标准输入不是终端），chats delete 需要 --yes</translation>
    </message>
    <message numerus="yes">
        <source>Delete the chat &quot;%1&quot; and its %n message(s)? [y/N] </source>
        <translation>
            <numerusform>删除对话“%1”及其 %n 条消息吗？[y/N] </numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>没有删除任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the chat &quot;%1&quot; (%n message(s)).</source>
        <translation>
            <numerusform>已删除对话“%1”（%n 条消息）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: lyss-cli [--data-dir DIR] chats list|show|delete ...

  chats list [--json] [--all]
  chats show ID [--json]
  chats delete ID [--yes]
</source>
        <translation>用法：lyss-cli [--data-dir DIR] chats list|show|delete ...

  chats list [--json] [--all]
  chats show ID [--json]
  chats delete ID [--yes]
</translation>
    </message>
    <message>
        <source>Warning: the reply could not be saved: %1</source>
        <translation>警告：无法保存回复：%1</translation>
    </message>
    <message>
        <source>Lyss keeps it and tries again.</source>
        <translation>Lyss 会保留它并再次尝试。</translation>
    </message>
    <message>
        <source>The reply could not be saved in the database: %1</source>
        <translation>无法将回复保存到数据库：%1</translation>
    </message>
    <message>
        <source>It is complete on standard output above: keep it from there. Free some space (or make the data folder writable) before the next chat.</source>
        <translation>完整的回复已输出在上方的标准输出中：请从那里保留它。在下一次对话之前，请释放一些空间（或让数据文件夹可写）。</translation>
    </message>
    <message>
        <source>Replaces the database with the backup FILE after checking that it is an intact Lyss database. The current database is kept as lyss.db.before-restore-&lt;N&gt; (a new number each time). Close the desktop app first.</source>
        <translation>在确认备份 FILE 是完好的 Lyss 数据库后，用它替换当前数据库。当前数据库会保留为 lyss.db.before-restore-&lt;N&gt;（每次使用新的编号）。请先关闭桌面应用。</translation>
    </message>
    <message>
        <source>Checks the database with SQLite&apos;s full integrity check, without changing it: exit status 0 when it is intact, 1 when it is damaged (with what to do).</source>
        <translation>用 SQLite 的完整性检查来检查数据库，不做任何更改：完好时退出状态为 0，损坏时为 1（并说明该怎么做）。</translation>
    </message>
    <message>
        <source>db takes the subcommand check</source>
        <translation>db 需要子命令 check</translation>
    </message>
    <message>
        <source>%1 is intact: SQLite&apos;s integrity check found no problem.</source>
        <translation>%1 完好：SQLite 的完整性检查没有发现问题。</translation>
    </message>
    <message>
        <source>%1 is damaged. SQLite&apos;s integrity check says:</source>
        <translation>%1 已损坏。SQLite 的完整性检查报告：</translation>
    </message>
    <message>
        <source>Stop writing to it: close Lyss, copy the file somewhere safe, then put a backup back with lyss-cli restore FILE.</source>
        <translation>请停止写入它：关闭 Lyss，把该文件复制到安全的地方，然后用 lyss-cli restore FILE 恢复一个备份。</translation>
    </message>
    <message>
        <source>Copies Lyss made itself, newest first: %1</source>
        <translation>Lyss 自动制作的副本（最新的在前）：%1</translation>
    </message>
    <message>
        <source>%1 cannot be changed: %2. Nothing was done. Commands that only read it (chats list, chats show, export, backup, db check) work.</source>
        <translation>%1 无法更改：%2。未做任何操作。只读取它的命令（chats list、chats show、export、backup、db check）可以使用。</translation>
    </message>
    <message>
        <source>Restored from %1; the damaged database is kept as %2.</source>
        <translation>已从 %1 恢复；损坏的数据库保留为 %2。</translation>
    </message>
    <message>
        <source>Your message is not stored either. Free some space (or make the data folder writable), then send it again.</source>
        <translation>你的消息也未能保存。请腾出一些空间（或让数据文件夹可写），然后再发送一次。</translation>
    </message>
    <message>
        <source>read the password from standard input</source>
        <translation>从标准输入读取密码</translation>
    </message>
    <message>
        <source>A password is needed: give --password-stdin and pass it on standard input, or run this on a terminal.</source>
        <translation>需要密码：请使用 --password-stdin 从标准输入传入，或在终端中运行。</translation>
    </message>
    <message>
        <source>The same again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The two passwords differ. Nothing was changed.</source>
        <translation>两次输入的密码不一致。未做任何更改。</translation>
    </message>
    <message>
        <source>No password was given. Nothing was changed.</source>
        <translation>没有提供密码。未做任何更改。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Signed in as %1; your account waits for an admin&apos;s approval.</source>
        <translation>已以 %1 身份登录；你的账户正在等待管理员批准。</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>已以 %1（%2）身份登录。</translation>
    </message>
    <message>
        <source>Turns accounts on: you (the one local person) get NAME and a password, become the first admin and keep every chat. From then on Lyss asks who is there.</source>
        <translation>开启账户功能：你（唯一的本地用户）获得 NAME 和密码，成为第一位管理员并保留所有对话。此后 Lyss 会询问是谁在使用。</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>accounts enable needs --name NAME</source>
        <translation>accounts enable 需要 --name NAME</translation>
    </message>
    <message>
        <source>Accounts are already on.</source>
        <translation>账户功能已经开启。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Accounts are on; %1 is the first admin and keeps every chat.</source>
        <translation>账户功能已开启；%1 是第一位管理员，保留所有对话。</translation>
    </message>
    <message>
        <source>Turns accounts off again (only while a single account exists): Lyss opens without asking who is there.</source>
        <translation>再次关闭账户功能（仅在只剩一个账户时）：Lyss 打开时不再询问是谁。</translation>
    </message>
    <message>
        <source>Accounts are already off.</source>
        <translation>账户功能已经关闭。</translation>
    </message>
    <message>
        <source>Accounts are off.</source>
        <translation>账户功能已关闭。</translation>
    </message>
    <message>
        <source>Whether accounts are on, and how many there are.</source>
        <translation>账户功能是否开启，以及账户数量。</translation>
    </message>
    <message>
        <source>Accounts are off: Lyss opens for its one local person.</source>
        <translation>账户功能已关闭：Lyss 直接为唯一的本地用户打开。</translation>
    </message>
    <message>
        <source>Accounts are on: %1 account(s).</source>
        <translation>账户功能已开启：共 %1 个账户。</translation>
    </message>
    <message>
        <source>The accounts, with their role and last sign-in (admins).</source>
        <translation>所有账户及其角色和上次登录时间（管理员）。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>must choose a password</source>
        <translation>须设置密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>LAST SIGN-IN</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Adds an account (admins). Its role is user unless --role says otherwise.</source>
        <translation>添加账户（管理员）。除非 --role 另有指定，角色为 user。</translation>
    </message>
    <message>
        <source>admin, user or pending</source>
        <translation>admin、user 或 pending</translation>
    </message>
    <message>
        <source>users add takes one NAME</source>
        <translation>users add 需要一个 NAME</translation>
    </message>
    <message>
        <source>--role is admin, user or pending</source>
        <translation>--role 只能是 admin、user 或 pending</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <source>Removes an account with every chat of theirs (admins; asks first on a terminal).</source>
        <translation>删除账户及其所有对话（管理员；在终端中会先询问）。</translation>
    </message>
    <message>
        <source>Changes an account (admins).</source>
        <translation>修改账户（管理员）。</translation>
    </message>
    <message>
        <source>wrong number of words for %1</source>
        <translation>%1 的参数数量不对</translation>
    </message>
    <message>
        <source>a role is admin, user or pending</source>
        <translation>角色只能是 admin、user 或 pending</translation>
    </message>
    <message>
        <source>users remove needs --yes when it cannot ask</source>
        <translation>无法询问时，users remove 需要 --yes</translation>
    </message>
    <message>
        <source>Remove %1 and every chat of theirs? [y/N] </source>
        <translation>删除 %1 及其所有对话？[y/N] </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>没有删除任何内容。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Your own password: the current one, then the new (on stdin, a line each). An admin naming someone else gives them a password they must replace at their next sign-in.</source>
        <translation>修改你自己的密码：先输入当前密码，再输入新密码（标准输入中每行一个）。管理员指定他人时，会给对方一个下次登录时必须更换的密码。</translation>
    </message>
    <message>
        <source>users passwd takes at most one NAME</source>
        <translation>users passwd 最多接受一个 NAME</translation>
    </message>
    <message>
        <source>Accounts are off; turn them on with lyss-cli accounts enable --name NAME.</source>
        <translation>账户功能已关闭；请用 lyss-cli accounts enable --name NAME 开启。</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>%1 has a new password and must choose their own at the next sign-in.</source>
        <translation>%1 有了新密码，下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <source>name the account: lyss-cli users passwd NAME</source>
        <translation>请指定账户：lyss-cli users passwd NAME</translation>
    </message>
    <message>
        <source>Current password for %1: </source>
        <translation>%1 的当前密码：</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>The password of %1 is changed; other sessions of theirs ended.</source>
        <translation>%1 的密码已更改；其其他会话已结束。</translation>
    </message>
    <message>
        <source>accounts takes enable, disable or status</source>
        <translation>accounts 可用 enable、disable 或 status</translation>
    </message>
    <message>
        <source>users takes list, add, role, disable, enable, approve, passwd or remove</source>
        <translation>users 可用 list、add、role、disable、enable、approve、passwd 或 remove</translation>
    </message>
    <message>
        <source>Signs in as NAME; the session is kept in the keyring (for auth.session_days) and every command acts as NAME.</source>
        <translation>以 NAME 身份登录；会话保存在密钥环中（有效期为 auth.session_days），之后的命令都以 NAME 身份执行。</translation>
    </message>
    <message>
        <source>login takes one NAME</source>
        <translation>login 需要一个 NAME</translation>
    </message>
    <message>
        <source>Accounts are off: there is nobody to sign in as. Turn them on with lyss-cli accounts enable --name NAME.</source>
        <translation>账户功能已关闭：没有可登录的账户。请用 lyss-cli accounts enable --name NAME 开启。</translation>
    </message>
    <message>
        <source>Signs out: the session ends here and in the keyring.</source>
        <translation>退出登录：会话在此处和密钥环中结束。</translation>
    </message>
    <message>
        <source>Nobody was signed in.</source>
        <translation>没有人登录。</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>Who the commands act as.</source>
        <translation>命令以谁的身份执行。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>add a backend</source>
        <translation>添加后端</translation>
    </message>
    <message>
        <source>remove a backend</source>
        <translation>删除后端</translation>
    </message>
    <message>
        <source>Sign in with: lyss-cli login NAME</source>
        <translation>请登录：lyss-cli login NAME</translation>
    </message>
    <message>
        <source>Accounts are on here, and the keyring that keeps your session cannot be read: %1</source>
        <translation>这里已开启账户功能，但无法读取保存会话的密钥环：%1</translation>
    </message>
    <message>
        <source>Accounts are on here and nobody is signed in. %1</source>
        <translation>这里已开启账户功能，但没有人登录。%1</translation>
    </message>
    <message>
        <source>Your account (%1) waits for an admin&apos;s approval; until then it can do nothing.</source>
        <translation>你的账户（%1）正在等待管理员批准；在此之前无法进行任何操作。</translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 未做任何更改。</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Exports every chat of yours, archived ones included (or one chat), to standard output or a file. JSON is Open WebUI&apos;s export shape, which Open WebUI and Lyss import again with nothing lost. Markdown is for reading: one document, or one file per chat when -o names a directory. Keys are never exported. An admin may export another person&apos;s chats, or everyone&apos;s.</source>
        <translation>将你的所有聊天（包括已归档的，或单个聊天）导出到标准输出或文件。JSON 采用 Open WebUI 的导出格式，Open WebUI 和 Lyss 都能无损地再次导入。Markdown 用于阅读：一个文档，或在 -o 指定目录时每个聊天一个文件。密钥永远不会被导出。管理员可以导出他人的聊天，或所有人的聊天。</translation>
    </message>
    <message>
        <source>this person&apos;s chats (admin)</source>
        <translation>此人的聊天（管理员）</translation>
    </message>
    <message>
        <source>every person&apos;s chats (admin)</source>
        <translation>所有人的聊天（管理员）</translation>
    </message>
    <message>
        <source>--all-users goes with neither --user nor --chat</source>
        <translation>--all-users 不能与 --user 或 --chat 同时使用</translation>
    </message>
    <message>
        <source>failing: %1</source>
        <translation>出错：%1</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>off (an admin turns it on: it reads every chat it applies to)</source>
        <translation>关闭（由管理员开启：它会读取所适用的每个对话）</translation>
    </message>
    <message>
        <source>on, a toggle (runs where a chat switches it on)</source>
        <translation>开启，可切换（在对话中打开时运行）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>The filters, in the order they run, whether each is on, and why one cannot run.</source>
        <translation>按运行顺序列出过滤器、各自是否开启，以及无法运行的原因。</translation>
    </message>
    <message>
        <source>as JSON</source>
        <translation>以 JSON 输出</translation>
    </message>
    <message>
        <source>No filters.</source>
        <translation>没有过滤器。</translation>
    </message>
    <message>
        <source>%1  %2  [%3]  priority %4  %5</source>
        <translation>%1  %2  [%3]  优先级 %4  %5</translation>
    </message>
    <message>
        <source>Filters are read from %1.</source>
        <translation>过滤器从 %1 读取。</translation>
    </message>
    <message>
        <source>Turns the filter ID on for every chat (admin). It then reads every request and reply it applies to.</source>
        <translation>为所有对话开启过滤器 ID（管理员）。之后它会读取所适用的每个请求和回复。</translation>
    </message>
    <message>
        <source>Turns the filter ID off (admin).</source>
        <translation>关闭过滤器 ID（管理员）。</translation>
    </message>
    <message>
        <source>%1 takes one ID</source>
        <translation>%1 需要一个 ID</translation>
    </message>
    <message>
        <source>%1 is on but cannot run: %2</source>
        <translation>%1 已开启，但无法运行：%2</translation>
    </message>
    <message>
        <source>%1 is on.</source>
        <translation>%1 已开启。</translation>
    </message>
    <message>
        <source>%1 is off.</source>
        <translation>%1 已关闭。</translation>
    </message>
    <message>
        <source>filters valves takes one ID</source>
        <translation>filters valves 需要一个 ID</translation>
    </message>
    <message>
        <source>There is no filter %1.</source>
        <translation>没有过滤器 %1。</translation>
    </message>
    <message>
        <source>filters set takes an ID, a KEY and a JSON value</source>
        <translation>filters set 需要 ID、KEY 和一个 JSON 值</translation>
    </message>
    <message>
        <source>%1 is not a JSON value (text goes in quotes: &apos;&quot;word&quot;&apos;)</source>
        <translation>%1 不是 JSON 值（文本需加引号：&apos;&quot;word&quot;&apos;）</translation>
    </message>
    <message>
        <source>%1&apos;s %2 is set.</source>
        <translation>%1 的 %2 已设置。</translation>
    </message>
    <message>
        <source>Sends the body (or stream event) in FILE to the filter, on or off, and prints what it answers (admin). For filter authors.</source>
        <translation>把 FILE 中的请求体（或流事件）发送给过滤器（无论是否开启），并打印它的回答（管理员）。供过滤器作者使用。</translation>
    </message>
    <message>
        <source>a request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>a chunk</source>
        <translation>流式片段</translation>
    </message>
    <message>
        <source>a reply body</source>
        <translation>回复体</translation>
    </message>
    <message>
        <source>filters test takes an ID and one of --inlet, --stream, --outlet</source>
        <translation>filters test 需要一个 ID 以及 --inlet、--stream、--outlet 之一</translation>
    </message>
    <message>
        <source>test a filter</source>
        <translation>测试过滤器</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>%1 cannot run: %2</source>
        <translation>%1 无法运行：%2</translation>
    </message>
    <message>
        <source>The filter failed: %1</source>
        <translation>过滤器失败：%1</translation>
    </message>
    <message>
        <source>filters needs a subcommand</source>
        <translation>filters 需要一个子命令</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;filters %1&quot;</source>
        <translation>未知子命令“filters %1”</translation>
    </message>
    <message>
        <source>your own valves</source>
        <translation>你自己的阀门</translation>
    </message>
    <message>
        <source>Sets one valve of the filter (admin), checked against its schema; with --user, one of your own (its user valves).
Example: lyss-cli filters set content words &apos;[&quot;darn&quot;]&apos;</source>
        <translation>设置过滤器的一个阀门（管理员），并按其模式检查；加 --user 时设置你自己的（用户阀门）。
示例：lyss-cli filters set content words &apos;[&quot;darn&quot;]&apos;</translation>
    </message>
    <message>
        <source>one of your own valves</source>
        <translation>你自己的一个阀门</translation>
    </message>
    <message>
        <source>%1. lyss-cli keeps sessions only in the keyring; sign in again with lyss-cli login %2 once it works.</source>
        <translation>%1。lyss-cli 只把会话保存在密钥环中；待其可用后请用 lyss-cli login %2 重新登录。</translation>
    </message>
    <message>
        <source>switch these toggle filters on for the chat</source>
        <translation>为该对话打开这些开关式过滤器</translation>
    </message>
    <message>
        <source>%1 is not a toggle filter that is on for %2 (lyss-cli filters list shows them).</source>
        <translation>%1 不是对 %2 启用的开关式过滤器（lyss-cli filters list 会列出它们）。</translation>
    </message>
    <message>
        <source>  models: %1</source>
        <translation>  模型：%1</translation>
    </message>
    <message>
        <source>  preselected for: %1</source>
        <translation>  默认打开于：%1</translation>
    </message>
    <message>
        <source>The models whose new chats start with the toggle filter ID switched on (&apos;*&apos;: every model; --none: none) (admin). A chat can still switch it off.</source>
        <translation>新对话默认打开开关式过滤器 ID 的模型（&apos;*&apos;：所有模型；--none：无）（管理员）。对话仍可将其关闭。</translation>
    </message>
    <message>
        <source>The models the filter ID applies to (--all: every model) (admin). A name without a tag (llama3.2) takes every tag (llama3.2:latest, llama3.2:1b).</source>
        <translation>过滤器 ID 适用的模型（--all：所有模型）（管理员）。不带标签的名称（llama3.2）匹配所有标签（llama3.2:latest、llama3.2:1b）。</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>filters preselect takes an ID and models, or --none</source>
        <translation>filters preselect 需要一个 ID 和若干模型，或 --none</translation>
    </message>
    <message>
        <source>filters models takes an ID and models, or --all</source>
        <translation>filters models 需要一个 ID 和若干模型，或 --all</translation>
    </message>
    <message>
        <source>Note: %1 is not a toggle filter: it runs wherever it applies, switched on or not.</source>
        <translation>注意：%1 不是开关式过滤器：无论是否打开，它都会在适用的地方运行。</translation>
    </message>
    <message>
        <source>New chats start with %1 switched off.</source>
        <translation>新对话开始时 %1 处于关闭状态。</translation>
    </message>
    <message>
        <source>New chats with %1 start with %2 switched on.</source>
        <translation>使用 %1 的新对话开始时 %2 处于打开状态。</translation>
    </message>
    <message>
        <source>%1 applies to every model.</source>
        <translation>%1 适用于所有模型。</translation>
    </message>
    <message>
        <source>%1 applies to: %2.</source>
        <translation>%1 适用于：%2。</translation>
    </message>
    <message>
        <source>Reads the filters folder again, starts each filter that is on and waits until it has described itself; lists them. Exit status 1 when one that is on cannot run. (The window reads the folder whenever it changes.)</source>
        <translation>重新读取过滤器文件夹，启动每个已启用的过滤器并等待其描述自身；然后列出它们。若某个已启用的过滤器无法运行，退出状态为 1。（窗口会在文件夹变化时自动读取。）</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Usage: lyss-cli filters list [--json] | enable ID | disable ID | models ID (--all | MODEL...) | preselect ID (--none | MODEL...) | valves ID [--user] | set ID KEY JSON [--user] | reload | test ID --inlet FILE
</source>
        <translation>用法：lyss-cli filters list [--json] | enable ID | disable ID | models ID (--all | MODEL...) | preselect ID (--none | MODEL...) | valves ID [--user] | set ID KEY JSON [--user] | reload | test ID --inlet FILE
</translation>
    </message>
    <message>
        <source>Filter (%1): %2</source>
        <translation>过滤器（%1）：%2</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning: the filters of %1, if it is a Pipelines server, are not known: %2</source>
        <translation>警告：%1 若是 Pipelines 服务器，其过滤器未知：%2</translation>
    </message>
    <message>
        <source>The filter&apos;s valves (its settings), one a line with what each is for; with --user, your own (its user valves).</source>
        <translation>过滤器的阀门（其设置），每行一个并附上用途；使用 --user 时为你自己的阀门（其用户阀门）。</translation>
    </message>
    <message>
        <source>as one JSON object</source>
        <translation>作为一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1 has no valves.</source>
        <translation>%1 没有阀门。</translation>
    </message>
    <message>
        <source>Sends PROMPT (or standard input when PROMPT is -) as a new chat, or as the next message of --chat ID, and streams the reply to standard output. Both messages are saved; the chat id is printed on standard error. Ctrl-C stops the reply and saves what arrived.
--chat ID --continue: the chat&apos;s last reply, stopped or failed, goes on where it ended (Ollama servers); only the new text is printed.
Without --model: the chat&apos;s model, then chat.default_model, then the first model listed.
Exit status: 0 for a complete reply, 1 for an error, 130 when stopped.</source>
        <translation>把 PROMPT（PROMPT 为 - 时读取标准输入）作为新对话发送，或作为 --chat ID 对话的下一条消息发送，并把回复流式输出到标准输出。两条消息都会保存；对话 id 打印到标准错误。Ctrl-C 会停止回复并保存已收到的部分。
--chat ID --continue：对话中被停止或失败的最后一条回复从中断处继续（Ollama 服务器）；只打印新的文字。
不指定 --model 时：依次使用对话的模型、chat.default_model、列出的第一个模型。
退出状态：回复完整为 0，出错为 1，被停止为 130。</translation>
    </message>
    <message>
        <source>go on with the chat&apos;s stopped or failed last reply</source>
        <translation>继续对话中被停止或失败的最后一条回复</translation>
    </message>
    <message>
        <source>--continue takes --chat ID and no PROMPT</source>
        <translation>--continue 需要 --chat ID，且不带 PROMPT</translation>
    </message>
    <message>
        <source>Continue it with: lyss-cli chat --chat %1 --continue</source>
        <translation>可用以下命令继续：lyss-cli chat --chat %1 --continue</translation>
    </message>
    <message>
        <source>Not continued: %1</source>
        <translation>未继续：%1</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>无截止</translation>
    </message>
    <message>
        <source>%1, sign-in ended %2: lyss-cli backends login %3</source>
        <translation>%1，登录已于 %2 结束：lyss-cli backends login %3</translation>
    </message>
    <message>
        <source>%1, signed in until %2</source>
        <translation>%1，登录有效至 %2</translation>
    </message>
    <message>
        <source>Adds a model server. With --key-stdin the API key is read from standard input and kept in the system keyring, never in the database. An Open WebUI server is signed in to with --email (the password is asked for, or read with --password-stdin, and kept nowhere; the server&apos;s token goes to the keyring), or given an API key (sk-...) with --key-stdin.
Examples: printf &apos;%s&apos; &quot;$KEY&quot; | lyss-cli backends add --kind openai --name work --url https://api.example.com/v1 --key-stdin
  lyss-cli backends add --kind openwebui --name team --url https://chat.example.org --email ann@example.org</source>
        <translation>添加一个模型服务器。使用 --key-stdin 时，API 密钥从标准输入读取并保存在系统密钥环中，绝不写入数据库。Open WebUI 服务器用 --email 登录（密码会询问，或用 --password-stdin 读取，不在任何地方保存；服务器返回的令牌存入密钥环），也可以用 --key-stdin 给出 API 密钥（sk-...）。
示例：printf &apos;%s&apos; &quot;$KEY&quot; | lyss-cli backends add --kind openai --name work --url https://api.example.com/v1 --key-stdin
  lyss-cli backends add --kind openwebui --name team --url https://chat.example.org --email ann@example.org</translation>
    </message>
    <message>
        <source>ollama (Ollama&apos;s own API), openai (any OpenAI-compatible server) or openwebui (an Open WebUI server)</source>
        <translation>ollama（Ollama 自己的 API）、openai（任何兼容 OpenAI 的服务器）或 openwebui（Open WebUI 服务器）</translation>
    </message>
    <message>
        <source>an Open WebUI account to sign in with</source>
        <translation>用于登录的 Open WebUI 账户</translation>
    </message>
    <message>
        <source>--kind must be ollama, openai or openwebui, not &quot;%1&quot;</source>
        <translation>--kind 必须是 ollama、openai 或 openwebui，而不是“%1”</translation>
    </message>
    <message>
        <source>an Open WebUI server needs either --email (to sign in) or --key-stdin (an API key), not both</source>
        <translation>Open WebUI 服务器需要 --email（登录）或 --key-stdin（API 密钥）二者之一，不能同时给出</translation>
    </message>
    <message>
        <source>--email is for Open WebUI servers (--kind openwebui)</source>
        <translation>--email 仅用于 Open WebUI 服务器（--kind openwebui）</translation>
    </message>
    <message>
        <source>--password-stdin goes with --email</source>
        <translation>--password-stdin 需要与 --email 一起使用</translation>
    </message>
    <message>
        <source>%1 is not an Open WebUI server: chats are imported only from those.</source>
        <translation>%1 不是 Open WebUI 服务器：只能从 Open WebUI 服务器导入对话。</translation>
    </message>
    <message>
        <source>There is no backend named &quot;%1&quot; (or it is switched off). See lyss-cli backends list.</source>
        <translation>没有名为“%1”的后端（或它已关闭）。请查看 lyss-cli backends list。</translation>
    </message>
    <message>
        <source>Reading your chats from %1…</source>
        <translation>正在从 %1 读取你的对话…</translation>
    </message>
    <message>
        <source>Imports chats from Open WebUI&apos;s export (chat-export-….json) or ChatGPT&apos;s conversations.json; the format is detected. Branches, models, times, titles, pinned/archived and tags come across. A broken file imports nothing; chats imported before are skipped. With --from-backend, your chats are read from that Open WebUI server (as the account it is signed in to) instead of a file.</source>
        <translation>从 Open WebUI 的导出（chat-export-….json）或 ChatGPT 的 conversations.json 导入对话；格式会自动识别。分支、模型、时间、标题、置顶/归档和标签都会保留。损坏的文件不会导入任何内容；之前导入过的对话会被跳过。使用 --from-backend 时，从该 Open WebUI 服务器（以其登录的账户）读取你的对话，而不是从文件读取。</translation>
    </message>
    <message>
        <source>an Open WebUI server to read your chats from</source>
        <translation>从中读取你的对话的 Open WebUI 服务器</translation>
    </message>
    <message>
        <source>import takes no FILE with --from-backend</source>
        <translation>使用 --from-backend 时 import 不接受 FILE</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>%1 在 %2 上的密码：</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>没有添加任何内容。</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation>，有效至 %1</translation>
    </message>
    <message>
        <source>Added backend %1 (openwebui, %2), signed in as %3%4.</source>
        <translation>已添加后端 %1（openwebui，%2），已登录为 %3%4。</translation>
    </message>
    <message>
        <source>Signed in to %1 (%2) as %3%4.</source>
        <translation>已以 %3 登录 %1（%2）%4。</translation>
    </message>
    <message>
        <source>Signs in again to an Open WebUI server you added (a sign-in ends after the time the server sets). The email is the one used last unless --email gives another; the password is asked for, or read from standard input, and kept nowhere.</source>
        <translation>重新登录你添加的 Open WebUI 服务器（登录会在服务器设定的时间后结束）。除非用 --email 指定其他邮箱，否则使用上次的邮箱；密码会询问或从标准输入读取，不在任何地方保存。</translation>
    </message>
    <message>
        <source>the account&apos;s email</source>
        <translation>账户的邮箱</translation>
    </message>
    <message>
        <source>backends login takes one NAME</source>
        <translation>backends login 需要一个 NAME</translation>
    </message>
    <message>
        <source>sign in to a server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>There is no backend named &quot;%1&quot; that you added. See lyss-cli backends list.</source>
        <translation>没有你添加的名为“%1”的后端。请查看 lyss-cli backends list。</translation>
    </message>
    <message>
        <source>%1 is an %2 server: only Open WebUI servers are signed in to. Its key is given with lyss-cli backends add --key-stdin.</source>
        <translation>%1 是 %2 服务器：只有 Open WebUI 服务器需要登录。它的密钥用 lyss-cli backends add --key-stdin 给出。</translation>
    </message>
    <message>
        <source>%1 was added with an API key, not an account: give --email to sign in with one</source>
        <translation>%1 是用 API 密钥而不是账户添加的：请用 --email 指定账户来登录</translation>
    </message>
    <message>
        <source>import chats from a server</source>
        <translation>从服务器导入对话</translation>
    </message>
    <message>
        <source>Usage: lyss-cli [--data-dir DIR] backends list|add|login|status|remove ...

  backends list [--json]
  backends add --kind ollama|openai|openwebui --name NAME --url URL
               [--key-stdin | --email ADDR [--password-stdin]]
  backends login NAME [--email ADDR] [--password-stdin]
  backends status [--watch]
  backends remove NAME
</source>
        <translation>用法：lyss-cli [--data-dir DIR] backends list|add|login|status|remove ...

  backends list [--json]
  backends add --kind ollama|openai|openwebui --name NAME --url URL
               [--key-stdin | --email ADDR [--password-stdin]]
  backends login NAME [--email ADDR] [--password-stdin]
  backends status [--watch]
  backends remove NAME
</translation>
    </message>
    <message>
        <source>follow the channels</source>
        <translation>持续跟踪通道</translation>
    </message>
    <message>
        <source>backends status takes no arguments</source>
        <translation>backends status 不接受参数</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>有应答</translation>
    </message>
    <message>
        <source>does not answer: %1</source>
        <translation>没有应答：%1</translation>
    </message>
    <message>
        <source>%1 channel: %2</source>
        <translation>%1 通道：%2</translation>
    </message>
    <message>
        <source>Says whether each server answers, and for an Open WebUI server whether its real-time channel is connected (reconnecting, or failed after its attempts). With --watch, one line at each change of a channel, with the time, until Ctrl+C: for scripts and tests; and what the server says meanwhile (notifications; its tools&apos; questions are declined, code for a browser refused).</source>
        <translation>显示每个服务器是否应答；对于 Open WebUI 服务器，还显示其实时通道是否已连接（正在重连，或多次尝试后失败）。使用 --watch 时，通道每次变化输出一行（带时间），直到按下 Ctrl+C，便于脚本和测试使用；同时输出服务器在此期间说的话（通知；其工具提出的问题会被拒绝，发给浏览器运行的代码会被拒绝）。</translation>
    </message>
    <message>
        <source>%1 channel: none (an API key does not open the server&apos;s live channel; sign in with your email for it: lyss-cli backends login %1 --email ADDR)</source>
        <translation>%1 通道：无（API 密钥无法打开服务器的实时通道；请用邮箱登录以启用：lyss-cli backends login %1 --email ADDR）</translation>
    </message>
    <message>
        <source>Warning: the key could not be checked: %1</source>
        <translation>警告：无法检查该密钥：%1</translation>
    </message>
    <message>
        <source>, %1&apos;s key in the keyring</source>
        <translation>，%1 的密钥已存入密钥环</translation>
    </message>
    <message>
        <source>Signed out of %1 as %2.</source>
        <translation>已在 %1 上退出 %2 的登录。</translation>
    </message>
    <message>
        <source>Warning: %1 did not end the sign-in: %2</source>
        <translation>警告：%1 未结束此次登录：%2</translation>
    </message>
    <message>
        <source>Filters changed the reply once it was whole; it is kept as follows:</source>
        <translation>回复完成后被过滤器修改了；保存的内容如下：</translation>
    </message>
    <message>
        <source>%1 is not one of this model&apos;s tools: %2.</source>
        <translation>%1 不是此模型的工具：%2。</translation>
    </message>
    <message>
        <source>an Open WebUI model&apos;s tools the chat asks with (lyss-cli models --json lists them); kept with the chat</source>
        <translation>对话提问时使用的 Open WebUI 模型工具（lyss-cli models --json 会列出它们）；随对话保存</translation>
    </message>
    <message>
        <source>--tools takes none, all, or the ids of the model&apos;s tools.</source>
        <translation>--tools 接受 none、all 或模型工具的 id。</translation>
    </message>
    <message>
        <source>The server lists no tools for this model, so there are none to switch (lyss-cli models --json shows each model&apos;s tools; only an Open WebUI server&apos;s models have them).</source>
        <translation>服务器没有为此模型列出任何工具，因此没有可切换的工具（lyss-cli models --json 会显示每个模型的工具；只有 Open WebUI 服务器的模型才有）。</translation>
    </message>
</context>
<context>
    <name>ConfigJsonImporter</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved the settings from config.json (%1 format) into Lyss&apos;s database; the file is now %2.</source>
        <translation>已将 config.json（%1 格式）中的设置移入 Lyss 的数据库；该文件现在是 %2。</translation>
    </message>
    <message>
        <source>Settings applied: %1.</source>
        <translation>已应用的设置：%1。</translation>
    </message>
    <message>
        <source>Backends added: %1.</source>
        <translation>已添加的后端：%1。</translation>
    </message>
    <message>
        <source>Already set in the database, so left as they were: %1.</source>
        <translation>数据库中已有设置，因此保持不变：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n setting(s) that Lyss does not use yet, under their own names: %1.</source>
        <translation>
            <numerusform>保留了 %n 个 Lyss 暂不使用的设置，名称不变：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>%1 was left out: %2 The value is still in the backup file.</source>
        <translation>%1 被略去：%2 该值仍在备份文件中。</translation>
    </message>
    <message>
        <source>ollama.base_urls[%1] was left out: %2</source>
        <translation>ollama.base_urls[%1] 被略去：%2</translation>
    </message>
    <message>
        <source>openai.api_base_urls[%1] was left out: %2</source>
        <translation>openai.api_base_urls[%1] 被略去：%2</translation>
    </message>
    <message>
        <source>backend %1 (already there as &quot;%2&quot;)</source>
        <translation>后端 %1（已存在，名为“%2”）</translation>
    </message>
    <message>
        <source>no keyring is available.</source>
        <translation>没有可用的密钥环。</translation>
    </message>
    <message>
        <source>The API key for backend &quot;%1&quot; was not saved: %2 It is still in the backup file; add it later with `lyss-cli backends add --key-stdin`.</source>
        <translation>后端“%1”的 API 密钥没有保存：%2 它仍在备份文件中；稍后可用 `lyss-cli backends add --key-stdin` 添加。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Its settings were not brought in.</source>
        <translation>无法读取 %1：%2。其中的设置没有导入。</translation>
    </message>
    <message>
        <source>Lyss left the file exactly as it is and started with the settings it already had. Fix the file and start Lyss again to bring its settings in.</source>
        <translation>Lyss 没有改动该文件，并以已有的设置启动。修正文件后重新启动 Lyss 即可导入其中的设置。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at line %3, column %4. %5</source>
        <translation>%1 不是有效的 JSON：第 %3 行第 %4 列出现 %2。%5</translation>
    </message>
    <message>
        <source>%1 must hold a JSON object ({ ... }) of settings. %2</source>
        <translation>%1 必须包含一个由设置组成的 JSON 对象（{ ... }）。%2</translation>
    </message>
    <message>
        <source>The settings in %1 could not be saved: %2 %3</source>
        <translation>%1 中的设置无法保存：%2 %3</translation>
    </message>
    <message>
        <source>%1 could not be renamed to %2, so it will be read again at the next start (the database&apos;s values win then).</source>
        <translation>无法把 %1 重命名为 %2，因此下次启动时会再次读取它（届时以数据库中的值为准）。</translation>
    </message>
    <message>
        <source>The user name and password in the address %1 were left out: Lyss keeps no passwords in addresses. They are still in the backup file.</source>
        <translation>地址 %1 中的用户名和密码已被去除：Lyss 不在地址中保存密码。它们仍在备份文件中。</translation>
    </message>
    <message>
        <source>Looked like secrets, so they went to the keyring instead of the database: %1.</source>
        <translation>以下内容看起来是机密，因此存入了密钥环而不是数据库：%1。</translation>
    </message>
    <message>
        <source>The password in the address of %1 was taken out before the address was stored.</source>
        <translation>%1 的地址中的密码在保存地址之前已被去除。</translation>
    </message>
    <message>
        <source>%1 looks like a secret, so it was not stored in the database, and the keyring could not take it either: %2 It is still in the backup file.</source>
        <translation>%1 看起来是机密，因此没有存入数据库，而密钥环也无法保存它：%2 它仍在备份文件中。</translation>
    </message>
</context>
<context>
    <name>ConfigRepository</name>
    <message>
        <source>Reading the setting %1</source>
        <translation>正在读取设置 %1</translation>
    </message>
    <message>
        <source>Saving the setting %1</source>
        <translation>正在保存设置 %1</translation>
    </message>
    <message>
        <source>Removing the setting %1</source>
        <translation>正在删除设置 %1</translation>
    </message>
    <message>
        <source>Reading the settings</source>
        <translation>正在读取设置</translation>
    </message>
</context>
<context>
    <name>ConversationPlanner</name>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
    <message>
        <source>No model was chosen. Pick one of the models the servers offer.</source>
        <translation>没有选择模型。请从服务器提供的模型中选一个。</translation>
    </message>
    <message>
        <source>The server &quot;%1&quot; is not configured any more: pick a model on one of the servers you have.</source>
        <translation>服务器“%1”已不再配置：请在现有的服务器上选择一个模型。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Lyss has not changed it. Move the file elsewhere (Lyss then starts a new database), or start Lyss with --data-dir pointing to another folder.</source>
        <translation>Lyss 没有改动它。请把该文件移到别处（Lyss 会新建一个数据库），或用 --data-dir 指向另一个文件夹来启动 Lyss。</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing. Install the package libqt6sql6-sqlite.</source>
        <translation>缺少 Qt 的 SQLite 驱动。请安装软件包 libqt6sql6-sqlite。</translation>
    </message>
    <message>
        <source>Opening the database %1</source>
        <translation>正在打开数据库 %1</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2. Check the file&apos;s permissions.</source>
        <translation>无法读取数据库 %1：%2。请检查文件权限。</translation>
    </message>
    <message>
        <source>%1 is not a Lyss database (it is not an SQLite file).</source>
        <translation>%1 不是 Lyss 数据库（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not of Lyss.</source>
        <translation>%1 是其他程序的 SQLite 数据库，不属于 Lyss。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Lyss (database version %2; this Lyss understands up to version %3).</source>
        <translation>%1 由更新版本的 Lyss 写入（数据库版本 %2；此版本的 Lyss 最多支持版本 %3）。</translation>
    </message>
    <message>
        <source>%1 could not be read as a database (%2).</source>
        <translation>%1 无法作为数据库读取（%2）。</translation>
    </message>
    <message>
        <source>Reading the database header</source>
        <translation>正在读取数据库文件头</translation>
    </message>
    <message>
        <source>Reading the database&apos;s tables</source>
        <translation>正在读取数据库的表</translation>
    </message>
    <message>
        <source>Switching the database to write-ahead logging</source>
        <translation>正在将数据库切换为预写日志模式</translation>
    </message>
    <message>
        <source>Configuring the database</source>
        <translation>正在配置数据库</translation>
    </message>
    <message>
        <source>Copying the database to %1 before upgrading it</source>
        <translation>升级前正在把数据库复制到 %1</translation>
    </message>
    <message>
        <source>The database was not upgraded and is unchanged.</source>
        <translation>数据库没有升级，保持不变。</translation>
    </message>
    <message>
        <source>Reading the database version</source>
        <translation>正在读取数据库版本</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2)</source>
        <translation>正在把数据库升级到版本 %1（%2）</translation>
    </message>
    <message>
        <source>This step was undone; the database is as it was before it.</source>
        <translation>这一步已撤销；数据库恢复到这一步之前的状态。</translation>
    </message>
    <message>
        <source>A copy from before the upgrade is at %1.</source>
        <translation>升级前的副本在 %1。</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2. Start Lyss with --data-dir pointing to a folder you can write.</source>
        <translation>无法创建数据库 %1：%2。请用 --data-dir 指向一个你可以写入的文件夹来启动 Lyss。</translation>
    </message>
    <message>
        <source>%1 is from an older Lyss and needs an upgrade, which writes it, but it cannot be written: %2. Lyss has not changed it. Make it writable, or copy the folder somewhere you can write and start Lyss with --data-dir pointing there.</source>
        <translation>%1 来自较旧版本的 Lyss，需要升级，而升级需要写入它，但它无法写入：%2。Lyss 没有更改它。请让它可写，或把文件夹复制到你可以写入的位置，并用 --data-dir 指向那里启动 Lyss。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2. The file itself may well be intact; Lyss has not changed it.</source>
        <translation>无法打开 %1：%2。文件本身很可能完好；Lyss 没有更改它。</translation>
    </message>
    <message>
        <source>%1 is damaged, so it was not upgraded (SQLite&apos;s check says: %2). Lyss has not changed it. Copy it somewhere safe and put a backup back with lyss-cli restore FILE; the copies Lyss made itself are beside it (lyss.db.bak-v&lt;N&gt;, lyss.db.before-restore-&lt;N&gt;).</source>
        <translation>%1 已损坏，因此没有升级（SQLite 的检查结果：%2）。Lyss 没有更改它。请把它复制到安全的地方，并用 lyss-cli restore FILE 放回一个备份；Lyss 自己做的副本就在它旁边（lyss.db.bak-v&lt;N&gt;、lyss.db.before-restore-&lt;N&gt;）。</translation>
    </message>
    <message>
        <source>SQLite&apos;s check after Lyss last stopped without closing it found it damaged (%1); copy it somewhere safe, then put a backup back with lyss-cli restore FILE</source>
        <translation>Lyss 上次未正常关闭它，之后 SQLite 的检查发现它已损坏（%1）；请把它复制到安全的地方，然后用 lyss-cli restore FILE 放回一个备份</translation>
    </message>
    <message>
        <source>Stopping writes to the database</source>
        <translation>停止写入数据库</translation>
    </message>
    <message>
        <source>The database was used from a thread that does not own its connection; this is a bug in Lyss.</source>
        <translation>数据库被一个不拥有其连接的线程使用；这是 Lyss 的一个错误。</translation>
    </message>
    <message>
        <source>Stopping writes to the damaged database</source>
        <translation>停止写入已损坏的数据库</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 already exists. Choose another name, or pass --force to replace it.</source>
        <translation>%1 已存在。请换一个名称，或用 --force 替换它。</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Copying the database to %1 failed: %2.</source>
        <translation>把数据库复制到 %1 失败：%2。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is empty, not a Lyss database.</source>
        <translation>%1 是空的，不是 Lyss 数据库。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be used.</source>
        <translation>%1 已损坏（%2）；无法使用。</translation>
    </message>
    <message>
        <source>%1 is not a Lyss database: its tables are missing.</source>
        <translation>%1 不是 Lyss 数据库：缺少它的表。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>Restoring from %1 failed: %2. The previous database is kept as %3.</source>
        <translation>从 %1 恢复失败：%2。之前的数据库保留为 %3。</translation>
    </message>
    <message>
        <source>Could not keep a copy of the damaged database as %1. Nothing was changed.</source>
        <translation>无法把损坏的数据库副本保留为 %1。未做任何更改。</translation>
    </message>
    <message>
        <source>Could not put %1 in place of the damaged database. It is as it was; a copy of it is kept as %2.</source>
        <translation>无法用 %1 替换损坏的数据库。它保持原样；其副本保留为 %2。</translation>
    </message>
    <message>
        <source>Cannot read the accounts of %1: %2.</source>
        <translation>无法读取 %1 的账户：%2。</translation>
    </message>
</context>
<context>
    <name>DraftRepository</name>
    <message>
        <source>Saving the draft</source>
        <translation>正在保存草稿</translation>
    </message>
    <message>
        <source>Reading the draft</source>
        <translation>正在读取草稿</translation>
    </message>
</context>
<context>
    <name>FilterRegistry</name>
    <message>
        <source>its %1 names no command: {&quot;command&quot;: [&quot;program&quot;, &quot;argument&quot;, ...]}</source>
        <translation>它的 %1 没有指定命令：{&quot;command&quot;: [&quot;program&quot;, &quot;argument&quot;, ...]}</translation>
    </message>
    <message>
        <source>the host for Open WebUI filters cannot be written to %1</source>
        <translation>无法把 Open WebUI 过滤器的宿主程序写入 %1</translation>
    </message>
    <message>
        <source>it is not executable: make it so (chmod +x %1) and give it a #! line</source>
        <translation>它不可执行：请设为可执行（chmod +x %1）并加上 #! 行</translation>
    </message>
</context>
<context>
    <name>FilterStage</name>
    <message>
        <source>the filter %1</source>
        <translation>过滤器 %1</translation>
    </message>
    <message>
        <source>The filter %1 stopped the message: %2. Nothing was sent. An admin can turn the filter off in Settings › Filters or with lyss-cli filters disable %3.</source>
        <translation>过滤器 %1 拦下了这条消息：%2。没有发送任何内容。管理员可以在“设置 › 过滤器”中或用 lyss-cli filters disable %3 关闭此过滤器。</translation>
    </message>
    <message>
        <source>The filter %1 could not check the finished reply: %2. The reply is shown as it came.</source>
        <translation>过滤器 %1 无法检查完成的回复：%2。回复按原样显示。</translation>
    </message>
    <message>
        <source>its answer has no &quot;messages&quot; list</source>
        <translation>它的回答中没有“messages”列表</translation>
    </message>
    <message>
        <source>a message in its answer has no role or no text</source>
        <translation>它的回答中有一条消息缺少角色或文本</translation>
    </message>
    <message>
        <source>its answer leaves no message to send</source>
        <translation>它的回答中没有可发送的消息</translation>
    </message>
    <message>
        <source>its answer has no reply as its last message</source>
        <translation>它的回答的最后一条消息不是回复</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>the Ollama server at %1</source>
        <translation>位于 %1 的 Ollama 服务器</translation>
    </message>
    <message>
        <source>the server at %1</source>
        <translation>位于 %1 的服务器</translation>
    </message>
    <message>
        <source>%1 answered something that is not JSON (%2). Is that address really a model server?</source>
        <translation>%1 的回答不是 JSON（%2）。这个地址真的是模型服务器吗？</translation>
    </message>
    <message>
        <source>Is Ollama running? Start it with &quot;ollama serve&quot;, or point Lyss at the right address with &quot;lyss-cli backends&quot;.</source>
        <translation>Ollama 在运行吗？用“ollama serve”启动它，或用“lyss-cli backends”让 Lyss 指向正确的地址。</translation>
    </message>
    <message>
        <source>Is the server running, and is the address right?</source>
        <translation>服务器在运行吗？地址正确吗？</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. %3</source>
        <translation>无法连接 %1：%2。%3</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2: %3). Its API key could not be read from the keyring: %4. Unlock the keyring, or enter the key again in Settings.</source>
        <translation>%1 拒绝了请求（HTTP %2：%3）。无法从密钥环读取它的 API 密钥：%4。请解锁密钥环，或在设置中重新输入密钥。</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2: %3). Check the API key.</source>
        <translation>%1 拒绝了请求（HTTP %2：%3）。请检查 API 密钥。</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not on %2. Download it with: lyss-cli pull %1</source>
        <translation>%2 上没有模型“%1”。下载它：lyss-cli pull %1</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not available on %2 (%3).</source>
        <translation>%2 上没有可用的模型“%1”（%3）。</translation>
    </message>
    <message>
        <source>%1 has no %2 (HTTP 404). Is the address right%3?</source>
        <translation>%1 没有 %2（HTTP 404）。地址正确吗%3？</translation>
    </message>
    <message>
        <source>, including /v1 if the server needs it</source>
        <translation>，如果服务器需要，请包含 /v1</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 返回 HTTP %2：%3</translation>
    </message>
    <message>
        <source>%1 tried to send the request on to %2, another server. Lyss did not follow, so neither the API key nor the chat went there. If the server has really moved, change its address in Settings or with &quot;lyss-cli backends&quot;.</source>
        <translation>%1 试图把请求转发到另一台服务器 %2。Lyss 没有跟随，因此 API 密钥和对话都没有发送到那里。如果服务器确实已迁移，请在“设置”中或用 &quot;lyss-cli backends&quot; 更改其地址。</translation>
    </message>
    <message>
        <source>%1 sent more than %2 MiB where a short JSON answer was expected, so Lyss stopped reading. Is that address really a model server?</source>
        <translation>%1 在本应只返回一段简短 JSON 的地方发送了超过 %2 MiB 的数据，因此 Lyss 停止了读取。这个地址真的是模型服务器吗？</translation>
    </message>
    <message>
        <source>%1 had not finished a short answer after %2 s, so Lyss gave up. The server may be overloaded, or not be a model server.</source>
        <translation>%1 在 %2 秒后仍未答完一段简短的回答，因此 Lyss 放弃了。服务器可能负载过高，或者并不是模型服务器。</translation>
    </message>
    <message>
        <source>the Open WebUI server at %1</source>
        <translation>位于 %1 的 Open WebUI 服务器</translation>
    </message>
    <message>
        <source>%1 no longer takes your sign-in (HTTP %2: %3): it has ended or was revoked. Sign in again in Settings › Servers, or with: lyss-cli backends login %4</source>
        <translation>%1 不再接受你的登录（HTTP %2：%3）：登录已结束或被撤销。请在“设置 › 服务器”中重新登录，或运行：lyss-cli backends login %4</translation>
    </message>
</context>
<context>
    <name>ImportChecks</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>%1 is %2; expected a time in seconds.</source>
        <translation>%1 是%2；应为以秒计的时间。</translation>
    </message>
    <message>
        <source>%1 is %2, which is no possible time (before 1990 or after 2200, in seconds or milliseconds).</source>
        <translation>%1 是 %2，这不是可能的时间（无论按秒还是毫秒，都早于 1990 年或晚于 2200 年）。</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>%1 failed: no keyring is available (%2). Lyss keeps API keys only in the system keyring (GNOME Keyring, KWallet or another Secret Service) and has not written the key anywhere else. Start a keyring and try again.</source>
        <translation>%1 失败：没有可用的密钥环（%2）。Lyss 只把 API 密钥保存在系统密钥环中（GNOME Keyring、KWallet 或其他 Secret Service），没有把密钥写到其他任何地方。请启动一个密钥环后重试。</translation>
    </message>
    <message>
        <source>%1 failed: the keyring refused access (%2). Unlock it and try again.</source>
        <translation>%1 失败：密钥环拒绝了访问（%2）。请解锁后重试。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1 failed: the keyring did not answer within %2 seconds. Is it locked and waiting for a password?</source>
        <translation>%1 失败：密钥环在 %2 秒内没有响应。它是否已锁定并在等待密码？</translation>
    </message>
    <message>
        <source>Reading %1 from the keyring</source>
        <translation>正在从密钥环读取 %1</translation>
    </message>
    <message>
        <source>Saving %1 in the keyring</source>
        <translation>正在把 %1 保存到密钥环</translation>
    </message>
    <message>
        <source>Removing %1 from the keyring</source>
        <translation>正在从密钥环删除 %1</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>Untitled chat</source>
        <translation>无标题对话</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始时间：%1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>在结束前被停止。</translation>
    </message>
    <message>
        <source>Cut off when Lyss stopped.</source>
        <translation>在 Lyss 停止时被中断。</translation>
    </message>
</context>
<context>
    <name>MessageSearch</name>
    <message>
        <source>Searching the messages</source>
        <translation>正在搜索消息</translation>
    </message>
    <message>
        <source>Indexing finished messages for search</source>
        <translation>正在为已完成的消息建立搜索索引</translation>
    </message>
</context>
<context>
    <name>MessageTree</name>
    <message>
        <source>Saving a message</source>
        <translation>正在保存一条消息</translation>
    </message>
    <message>
        <source>Updating the chat</source>
        <translation>正在更新对话</translation>
    </message>
    <message>
        <source>Saving the reply so far</source>
        <translation>正在保存目前的回复</translation>
    </message>
    <message>
        <source>Saving the reply</source>
        <translation>正在保存回复</translation>
    </message>
    <message>
        <source>Switching the branch</source>
        <translation>正在切换分支</translation>
    </message>
    <message>
        <source>That message is not part of this chat.</source>
        <translation>那条消息不属于此对话。</translation>
    </message>
    <message>
        <source>Finding the newest reply</source>
        <translation>正在查找最新的回复</translation>
    </message>
    <message>
        <source>Reading the branches of chat %1</source>
        <translation>正在读取对话 %1 的分支</translation>
    </message>
    <message>
        <source>The message no longer exists.</source>
        <translation>该消息已不存在。</translation>
    </message>
    <message>
        <source>Deleting the message</source>
        <translation>正在删除消息</translation>
    </message>
    <message>
        <source>Finding what is left of the branch</source>
        <translation>正在查找分支剩下的部分</translation>
    </message>
    <message>
        <source>Reading the message %1</source>
        <translation>正在读取消息 %1</translation>
    </message>
    <message>
        <source>Reading the chat %1</source>
        <translation>正在读取对话 %1</translation>
    </message>
    <message>
        <source>Reading the messages before %1</source>
        <translation>正在读取 %1 之前的消息</translation>
    </message>
    <message>
        <source>Counting the messages of chat %1</source>
        <translation>正在统计对话 %1 的消息数</translation>
    </message>
    <message>
        <source>Reading the messages of chat %1</source>
        <translation>正在读取对话 %1 的消息</translation>
    </message>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
    <message>
        <source>The message it answers is not part of this chat.</source>
        <translation>它所回复的消息不属于这个对话。</translation>
    </message>
    <message>
        <source>Reopening the reply</source>
        <translation>重新打开回复</translation>
    </message>
    <message>
        <source>That reply changed meanwhile (continued, answered or deleted, perhaps by another Lyss): look at it again before you continue it.</source>
        <translation>这条回复在此期间已有变化（可能已被另一个 Lyss 继续、回复或删除）：请先重新查看，再继续它。</translation>
    </message>
</context>
<context>
    <name>OllamaStreamDecoder</name>
    <message>
        <source>The connection closed before the reply was complete; what arrived is kept.</source>
        <translation>连接在回复完成前关闭；已收到的内容已保留。</translation>
    </message>
</context>
<context>
    <name>OpenAIStreamDecoder</name>
    <message>
        <source>The connection closed before the reply was complete; what arrived is kept.</source>
        <translation>连接在回复完成前关闭；已收到的内容已保留。</translation>
    </message>
</context>
<context>
    <name>OpenWebUiFormat</name>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <source>%1.parentId must be a message id or null.</source>
        <translation>%1.parentId 必须是消息 id 或 null。</translation>
    </message>
    <message>
        <source>%1.role is &quot;%2&quot;; expected user, assistant or system.</source>
        <translation>%1.role 是“%2”；应为 user、assistant 或 system。</translation>
    </message>
    <message>
        <source>Chat %1 of %2 (&quot;%3&quot;, id %4): </source>
        <translation>第 %1 个对话（共 %2 个，“%3”，id %4）：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not a JSON object.</source>
        <translation>不是 JSON 对象。</translation>
    </message>
    <message>
        <source>chat.history.messages is missing, so there are no messages to import.</source>
        <translation>缺少 chat.history.messages，因此没有可导入的消息。</translation>
    </message>
    <message>
        <source>%1.role is %2; expected user, assistant or system.</source>
        <translation>%1.role 是%2；应为 user、assistant 或 system。</translation>
    </message>
    <message>
        <source>%1.content is %2; expected text or a list of parts.</source>
        <translation>%1.content 是%2；应为文本或部分列表。</translation>
    </message>
    <message>
        <source>chat.history.messages is %1; expected an object of messages.</source>
        <translation>chat.history.messages 是%1；应为包含消息的对象。</translation>
    </message>
</context>
<context>
    <name>OpenWebUiOutlet</name>
    <message>
        <source>The server&apos;s filters are checking the reply…</source>
        <translation>服务器的过滤器正在检查回复…</translation>
    </message>
    <message>
        <source>%1 could not run its filters on this reply (%2); it is kept as it came.</source>
        <translation>%1 无法对这条回复运行其过滤器（%2）；回复按收到的原样保留。</translation>
    </message>
    <message>
        <source>Stopped before the filters of %1 had checked the reply; it is kept as it came.</source>
        <translation>在 %1 的过滤器检查完回复之前已停止；回复按收到的原样保留。</translation>
    </message>
    <message>
        <source>The filters of %1 left nothing of this reply; it is kept as it came.</source>
        <translation>%1 的过滤器没有留下这条回复的任何内容；回复按收到的原样保留。</translation>
    </message>
</context>
<context>
    <name>OpenWebUiSignIn</name>
    <message>
        <source>The Open WebUI server at %1 answered the sign-in without a token. Is that address really an Open WebUI server?</source>
        <translation>位于 %1 的 Open WebUI 服务器的登录回应中没有令牌。这个地址真的是 Open WebUI 服务器吗？</translation>
    </message>
    <message>
        <source>Your account on the Open WebUI server at %1 is waiting for an admin to approve it. Sign in again once they have.</source>
        <translation>你在 %1 的 Open WebUI 服务器上的账户正在等待管理员批准。批准后请重新登录。</translation>
    </message>
    <message>
        <source>The Open WebUI server at %1 answered the sign-in with something that is not JSON. Is that address really an Open WebUI server?</source>
        <translation>位于 %1 的 Open WebUI 服务器对登录的回应不是 JSON。这个地址真的是 Open WebUI 服务器吗？</translation>
    </message>
    <message>
        <source>The Open WebUI server at %1 does not take sign-ins with a password (it said: %2). Use an API key from your account&apos;s settings there instead.</source>
        <translation>位于 %1 的 Open WebUI 服务器不接受用密码登录（它说：%2）。请改用该服务器上你的账户设置中的 API 密钥。</translation>
    </message>
    <message>
        <source>The Open WebUI server at %1 has had too many sign-in attempts for this account. Wait a few minutes, then try again.</source>
        <translation>位于 %1 的 Open WebUI 服务器上此账户的登录尝试过多。请等几分钟后再试。</translation>
    </message>
    <message>
        <source>The Open WebUI server at %1 did not take that email and password. Check both, and try again.</source>
        <translation>位于 %1 的 Open WebUI 服务器不接受这个邮箱和密码。请检查两者后重试。</translation>
    </message>
    <message>
        <source>The Open WebUI server at %1 did not take that email and password (it said: %2). Check both, and try again.</source>
        <translation>位于 %1 的 Open WebUI 服务器不接受这个邮箱和密码（它说：%2）。请检查两者后重试。</translation>
    </message>
    <message>
        <source>Your password goes to %1 over plain http: anyone on the network between can read it (and the sign-in after it). Use https:// if the server offers it.</source>
        <translation>你的密码将通过未加密的 http 发送到 %1：途经网络上的任何人都能读取它（以及之后的登录凭据）。如果服务器支持，请使用 https://。</translation>
    </message>
    <message>
        <source>%1 refused this API key: %2</source>
        <translation>%1 拒绝了这个 API 密钥：%2</translation>
    </message>
    <message>
        <source>Check the key (on the server: Settings › Account).</source>
        <translation>请检查密钥（在服务器上：设置 › 账户）。</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A password may have at most %1 characters.</source>
        <translation>密码最多可以有 %1 个字符。</translation>
    </message>
    <message>
        <source>The password library could not start.</source>
        <translation>密码库无法启动。</translation>
    </message>
    <message>
        <source>There was not enough memory to hash the password (Argon2id needs 64 MiB).</source>
        <translation>内存不足，无法计算密码哈希（Argon2id 需要 64 MiB）。</translation>
    </message>
</context>
<context>
    <name>ReplyRecovery</name>
    <message>
        <source>Looking for replies being written</source>
        <translation>正在查找正在写入的回复</translation>
    </message>
    <message>
        <source>Looking for replies cut off by a crash</source>
        <translation>正在查找因崩溃而中断的回复</translation>
    </message>
    <message>
        <source>Marking an interrupted reply</source>
        <translation>正在标记中断的回复</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>The server was not added.</source>
        <translation>服务器没有添加。</translation>
    </message>
    <message>
        <source>The sign-in was not kept.</source>
        <translation>登录信息没有保存。</translation>
    </message>
    <message>
        <source>A server named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的服务器已存在。</translation>
    </message>
    <message>
        <source>The server %1 was removed meanwhile. The sign-in was not kept.</source>
        <translation>服务器 %1 已在此期间被删除。登录信息没有保存。</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>You are not signed in.</source>
        <translation>你尚未登录。</translation>
    </message>
    <message>
        <source>The session cannot be kept in the keyring: %1</source>
        <translation>无法把会话保存在密钥环中：%1</translation>
    </message>
</context>
<context>
    <name>SignInFailureRepository</name>
    <message>
        <source>Reading the failed sign-ins</source>
        <translation>正在读取失败的登录</translation>
    </message>
    <message>
        <source>Recording a failed sign-in</source>
        <translation>记录失败的登录</translation>
    </message>
    <message>
        <source>Recording a sign-in</source>
        <translation>记录登录</translation>
    </message>
</context>
<context>
    <name>StreamDecoder</name>
    <message>
        <source>The server sent a line of more than %1 without ending it, so Lyss stopped reading: no model writes that, and reading on would fill the memory. What arrived before it is kept.</source>
        <translation>服务器发送了一行超过 %1 仍未结束的数据，因此 Lyss 停止读取：没有模型会写出这样的内容，继续读取会耗尽内存。此前收到的内容已保留。</translation>
    </message>
    <message>
        <source>The server sent an event that is not JSON (%1), where a model stream has one JSON object per event: %2</source>
        <translation>服务器发送的事件不是 JSON（%1），而模型流的每个事件应是一个 JSON 对象：%2</translation>
    </message>
    <message>
        <source>The server sent a line that is not JSON (%1), where a model stream has one JSON object per line: %2</source>
        <translation>服务器发送的一行不是 JSON（%1），而模型流的每一行应是一个 JSON 对象：%2</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>一个数组</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <source>The server sent an event that is JSON but %1, where a model stream has one JSON object per event: %2</source>
        <translation>服务器发送的事件是 JSON，但却是%1，而模型流的每个事件应是一个 JSON 对象：%2</translation>
    </message>
    <message>
        <source>The server sent a line that is JSON but %1, where a model stream has one JSON object per line: %2</source>
        <translation>服务器发送的一行是 JSON，但却是%1，而模型流的每一行应是一个 JSON 对象：%2</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>The theme %1 is not usable: %2</source>
        <translation>主题 %1 无法使用：%2</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2).</source>
        <translation>它不是有效的 JSON（在第 %2 字节处出现 %1）。</translation>
    </message>
    <message>
        <source>it must be a JSON object.</source>
        <translation>它必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of a theme.</source>
        <translation>“%1”不是主题的字段。</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a short name of lowercase letters, digits and dashes.</source>
        <translation>“name”必须是由小写字母、数字和短横线组成的简短名称。</translation>
    </message>
    <message>
        <source>&quot;title&quot; must be the text a menu shows.</source>
        <translation>“title”必须是菜单中显示的文字。</translation>
    </message>
    <message>
        <source>&quot;dark&quot; must be true or false.</source>
        <translation>“dark”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>&quot;colors&quot; must be an object of colours.</source>
        <translation>“colors”必须是一个由颜色组成的对象。</translation>
    </message>
    <message>
        <source>&quot;colors.%1&quot; is not a colour a theme has.</source>
        <translation>“colors.%1”不是主题所含的颜色。</translation>
    </message>
    <message>
        <source>&quot;colors.%1&quot; is missing.</source>
        <translation>缺少“colors.%1”。</translation>
    </message>
    <message>
        <source>&quot;colors.%1&quot; must be a colour written #RRGGBB.</source>
        <translation>“colors.%1”必须是写成 #RRGGBB 的颜色。</translation>
    </message>
    <message>
        <source>The theme %1 cannot be read: %2</source>
        <translation>无法读取主题 %1：%2</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Starting a transaction</source>
        <translation>正在开始事务</translation>
    </message>
    <message>
        <source>The transaction was already finished.</source>
        <translation>事务已经结束。</translation>
    </message>
    <message>
        <source>Saving changes</source>
        <translation>正在保存更改</translation>
    </message>
    <message>
        <source>Undoing changes</source>
        <translation>正在撤销更改</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>Reading the accounts</source>
        <translation>读取账户</translation>
    </message>
    <message>
        <source>Reading an account</source>
        <translation>读取账户</translation>
    </message>
    <message>
        <source>Counting the accounts</source>
        <translation>统计账户</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>已经有名为 %1 的账户。</translation>
    </message>
    <message>
        <source>Adding an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Renaming an account</source>
        <translation>重命名账户</translation>
    </message>
    <message>
        <source>Changing a role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Disabling or enabling an account</source>
        <translation>停用或启用账户</translation>
    </message>
    <message>
        <source>Setting a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Recording a sign-in</source>
        <translation>记录登录</translation>
    </message>
    <message>
        <source>Removing an account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Keeping a session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Reading a session</source>
        <translation>读取会话</translation>
    </message>
    <message>
        <source>Ending a session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>Ending sessions</source>
        <translation>结束会话</translation>
    </message>
</context>
<context>
    <name>ValveSchema</name>
    <message>
        <source>The filter %1 has no valve %2.</source>
        <translation>过滤器 %1 没有阀门 %2。</translation>
    </message>
    <message>
        <source>The valve %1 of %2 takes a %3.</source>
        <translation>%2 的阀门 %1 需要 %3 类型的值。</translation>
    </message>
    <message>
        <source>The valve %1 of %2 takes one of: %3.</source>
        <translation>%2 的阀门 %1 只接受以下之一：%3。</translation>
    </message>
</context>
<context>
    <name>WriteAccess</name>
    <message>
        <source>it is on a read-only file system</source>
        <translation>它位于只读文件系统上</translation>
    </message>
    <message>
        <source>you have no permission to write it</source>
        <translation>你没有写入它的权限</translation>
    </message>
    <message>
        <source>you have no permission to write %1</source>
        <translation>你没有写入 %1 的权限</translation>
    </message>
    <message>
        <source>you have no permission to write in its folder %1, where SQLite keeps files beside it while it writes</source>
        <translation>你没有在其文件夹 %1 中写入的权限，SQLite 写入时需要在旁边保存文件</translation>
    </message>
</context>
<context>
    <name>lyss-cli</name>
    <message>
        <source>--data-dir needs a directory</source>
        <translation>--data-dir 需要一个目录</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Run &quot;lyss-cli --help&quot; for the list.</source>
        <translation>运行“lyss-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <source>Usage: lyss-cli [--data-dir DIR] COMMAND [ARGS]

Lyss from a terminal: the same chats, settings and backends as the desktop app.

Commands:
  version                       print the version
  config get KEY                print a setting&apos;s value (JSON)
  config set KEY VALUE          change a setting
  config unset KEY              go back to the default
  config list [--json]          every setting, its value and where it comes from
  backends list [--json]        the model servers Lyss talks to
  backends add --kind ollama|openai|openwebui --name NAME --url URL
               [--key-stdin | --email ADDR [--password-stdin]]
  backends login NAME [--email ADDR] [--password-stdin]
                                sign in to an Open WebUI server again
  backends status [--watch]     each server&apos;s state and live channel
  backends remove NAME
  chats list [--json] [--all]   chats, most recently active first
  chats show ID [--json]        a chat&apos;s current branch, root first
  chats delete ID [--yes]       delete a chat (asks first)
  chat [--model M] [--chat ID] [--system TEXT] [--json] PROMPT|-
                                send a message and stream the reply
  models [--json]               the models of every backend
  pull MODEL                    download a model into Ollama
  rm MODEL                      delete a model from Ollama
  ps                            the models Ollama has loaded
  import FILE                   chats from Open WebUI or ChatGPT exports
  import --from-backend NAME    your chats on an Open WebUI server
  export [--chat ID] [--user NAME | --all-users] [--format json|markdown] [-o FILE|DIR]
  backup FILE                   a consistent copy of the database
  restore FILE                  put a backup back
  db check                      SQLite&apos;s integrity check of the database
  accounts enable --name NAME [--password-stdin] | disable | status
                                accounts on (you become the first admin) or off
  users list|add|role|disable|enable|approve|passwd|remove ...
                                the accounts (admins; passwd for your own too)
  login NAME [--password-stdin] sign in (kept in the keyring); logout; whoami
  filters list|enable|disable|models|preselect|valves|set|reload|test ...
                                filters that rewrite requests and replies

Options:
  --data-dir DIR    where Lyss keeps its data (default: $LYSS_DATA_DIR, else
                    ~/.local/share/lyss)
  --help            help for lyss-cli, or for a command: lyss-cli config --help
</source>
        <translation>用法：lyss-cli [--data-dir DIR] COMMAND [ARGS]

在终端里使用 Lyss：与桌面应用相同的对话、设置和后端。

命令：
  version                       打印版本
  config get KEY                打印设置的值（JSON）
  config set KEY VALUE          修改设置
  config unset KEY              恢复默认值
  config list [--json]          所有设置、它们的值及来源
  backends list [--json]        Lyss 使用的模型服务器
  backends add --kind ollama|openai|openwebui --name NAME --url URL
               [--key-stdin | --email ADDR [--password-stdin]]
  backends login NAME [--email ADDR] [--password-stdin]
                                重新登录 Open WebUI 服务器
  backends status [--watch]     每个服务器的状态及实时通道
  backends remove NAME
  chats list [--json] [--all]   对话，最近活跃的在前
  chats show ID [--json]        对话的当前分支，从根开始
  chats delete ID [--yes]       删除一个对话（会先询问）
  chat [--model M] [--chat ID] [--system TEXT] [--json] PROMPT|-
                                发送消息并流式输出回复
  models [--json]               所有后端的模型
  pull MODEL                    把模型下载到 Ollama
  rm MODEL                      从 Ollama 删除模型
  ps                            Ollama 已加载的模型
  import FILE                   从 Open WebUI 或 ChatGPT 的导出导入对话
  import --from-backend NAME    导入你在 Open WebUI 服务器上的对话
  export [--chat ID] [--user NAME | --all-users] [--format json|markdown] [-o FILE|DIR]
  backup FILE                   数据库的一致副本
  restore FILE                  恢复备份
  db check                      对数据库进行 SQLite 完整性检查
  accounts enable --name NAME [--password-stdin] | disable | status
                                开启账户功能（你成为第一位管理员）或关闭
  users list|add|role|disable|enable|approve|passwd|remove ...
                                管理账户（管理员；passwd 也可改自己的密码）
  login NAME [--password-stdin] 登录（会话保存在密钥环中）；logout；whoami
  filters list|enable|disable|models|preselect|valves|set|reload|test ...
                                改写请求和回复的过滤器

选项：
  --data-dir DIR    Lyss 保存数据的位置（默认：$LYSS_DATA_DIR，否则为
                    ~/.local/share/lyss）
  --help            lyss-cli 的帮助，或某个命令的帮助：lyss-cli config --help
</translation>
    </message>
</context>
<context>
    <name>lyss::AccountsPage</name>
    <message>
        <source>Admin: everything</source>
        <translation>管理员：全部权限</translation>
    </message>
    <message>
        <source>User: their own chats and settings</source>
        <translation>用户：自己的聊天和设置</translation>
    </message>
    <message>
        <source>Pending: waits for approval</source>
        <translation>待批准：等待管理员批准</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>waits for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <source>must choose a password</source>
        <translation>须设置密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Lyss opens without asking who you are. Require sign-in to let several people share this computer, each with their own chats and settings: you name yourself and choose a password, become the first admin and keep every chat you have.</source>
        <translation>Lyss 打开时不会询问你是谁。要求登录后，多人可以共用这台电脑，每人拥有自己的聊天和设置：你为自己取名并设置密码，成为第一位管理员，并保留你现有的所有聊天。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>你的名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <source>Require sign-in</source>
        <translation>要求登录</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Set &amp;role</source>
        <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>重置密码(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新账户</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>添加账户(&amp;A)</translation>
    </message>
    <message>
        <source>The sign-in screen offers to create an account</source>
        <translation>登录界面提供创建账户</translation>
    </message>
    <message>
        <source>Stop requiring sign-in</source>
        <translation>不再要求登录</translation>
    </message>
    <message>
        <source>Sign-up</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>New accounts are</source>
        <translation>新账户的角色</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Only while a single account exists: remove the others first.</source>
        <translation>仅在只有一个账户时可用：请先删除其他账户。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Sign-in is required from now on. You are %1, the first admin, and stay signed in on this computer.</source>
        <translation>从现在起需要登录。你是 %1，第一位管理员，并在这台电脑上保持登录。</translation>
    </message>
    <message>
        <source>Lyss opens without sign-in again.</source>
        <translation>Lyss 再次无需登录即可打开。</translation>
    </message>
    <message>
        <source>%1 can sign in now (%2).</source>
        <translation>%1 现在可以登录了（%2）。</translation>
    </message>
    <message>
        <source>%1 is let in.</source>
        <translation>%1 已获批准。</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 现在是 %2。</translation>
    </message>
    <message>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 已被停用，并在所有地方退出登录。</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 可以再次登录了。</translation>
    </message>
    <message>
        <source>%1 has a new password and chooses their own at the next sign-in.</source>
        <translation>%1 已有新密码，下次登录时需自行设置密码。</translation>
    </message>
    <message>
        <source>%1 and every chat of theirs are removed.</source>
        <translation>%1 及其所有聊天已删除。</translation>
    </message>
    <message>
        <source>The sign-in screen offers to create an account.</source>
        <translation>登录界面现在提供创建账户。</translation>
    </message>
    <message>
        <source>Only an admin adds accounts.</source>
        <translation>只有管理员可以添加账户。</translation>
    </message>
    <message>
        <source>New accounts are %1.</source>
        <translation>新账户的角色为 %1。</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>请先在列表中选择一个账户。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A password for %1, at least %2 characters; they choose their own at the next sign-in:</source>
        <translation>为 %1 设置的密码，至少 %2 个字符；对方下次登录时需自行设置密码：</translation>
    </message>
    <message>
        <source>The same again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove %1 and every chat of theirs? This cannot be undone.</source>
        <translation>删除 %1 及其所有聊天？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待批准</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in is required from now on. You are %1, the first admin, signed in until Lyss closes. %2.</source>
        <translation>从现在起需要登录。你是 %1，第一位管理员，在 Lyss 关闭前保持登录。%2。</translation>
    </message>
</context>
<context>
    <name>lyss::ActiveReply</name>
    <message>
        <source>The server of this reply is gone.</source>
        <translation>此回复所用的服务器已不存在。</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Stopped before the stages had checked the whole reply.</source>
        <translation>在各处理环节检查完整个回复之前已停止。</translation>
    </message>
    <message>
        <source>A filter changed the reply being continued: use Retry for a new one.</source>
        <translation>有过滤器改动了要继续的回复：请用“重试”生成新的回复。</translation>
    </message>
    <message>
        <source>Stopped before it was sent.</source>
        <translation>在发送之前已停止。</translation>
    </message>
    <message>
        <source>It was not continued.</source>
        <translation>未继续。</translation>
    </message>
    <message>
        <source>A filter did not pass the server&apos;s final text of this reply; it is kept as it streamed.</source>
        <translation>有过滤器未放行服务器对这条回复的最终文本；回复按流式收到的内容保留。</translation>
    </message>
</context>
<context>
    <name>lyss::AppearancePage</name>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L switches between them anywhere. Add your own by putting a theme file into %1.</source>
        <translation>Ctrl+Shift+L 可以在任何地方切换主题。把主题文件放进 %1 即可添加你自己的主题。</translation>
    </message>
</context>
<context>
    <name>lyss::Backend</name>
    <message>
        <source>%1 did not answer %2 within %3 s.</source>
        <translation>%1 未在 %3 秒内响应 %2。</translation>
    </message>
    <message>
        <source>the server was removed from Lyss before it answered</source>
        <translation>服务器在响应之前已从 Lyss 中移除</translation>
    </message>
</context>
<context>
    <name>lyss::BackendResolver</name>
    <message>
        <source>&quot;%1&quot; is not a server address. Write it as http://host:port (for example http://localhost:11434).</source>
        <translation>“%1”不是服务器地址。请写成 http://主机:端口（例如 http://localhost:11434）。</translation>
    </message>
    <message>
        <source>The address %1 has a password in it. Lyss keeps no passwords in addresses (they end up in the database and on screen): give the address without it, and the server&apos;s key through the keyring (lyss-cli backends add --key-stdin).</source>
        <translation>地址 %1 中含有密码。Lyss 不在地址中保存密码（否则它们会进入数据库并显示在屏幕上）：请提供不含密码的地址，并通过密钥环提供服务器的密钥（lyss-cli backends add --key-stdin）。</translation>
    </message>
</context>
<context>
    <name>lyss::BackendSet</name>
    <message>
        <source>Several backends offer &quot;%1&quot;: %2. Say which one.</source>
        <translation>有多个后端提供“%1”：%2。请指明用哪一个。</translation>
    </message>
    <message>
        <source>No backend offers a model named &quot;%1&quot;. %2 To download it into Ollama: lyss-cli pull %1</source>
        <translation>没有后端提供名为“%1”的模型。%2 把它下载到 Ollama：lyss-cli pull %1</translation>
    </message>
    <message>
        <source>No models are available.</source>
        <translation>没有可用的模型。</translation>
    </message>
    <message>
        <source>Available: %1.</source>
        <translation>可用：%1。</translation>
    </message>
</context>
<context>
    <name>lyss::BackgroundSearch</name>
    <message>
        <source>Opening the database for search</source>
        <translation>为搜索打开数据库</translation>
    </message>
</context>
<context>
    <name>lyss::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>A new password for %1: at least %2 characters. Your other sessions end; this one goes on.</source>
        <translation>%1 的新密码：至少 %2 个字符。你的其他会话将结束；当前会话继续。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>你的密码已更改。</translation>
    </message>
</context>
<context>
    <name>lyss::ChatEngine</name>
    <message>
        <source>There is nothing to send: the message is empty.</source>
        <translation>没有可发送的内容：消息是空的。</translation>
    </message>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
    <message>
        <source>The message being edited is no longer in this chat.</source>
        <translation>正在编辑的消息已不在此对话中。</translation>
    </message>
    <message>
        <source>No backend was chosen for the reply.</source>
        <translation>没有为回复选择后端。</translation>
    </message>
    <message>
        <source>That reply is no longer in this chat.</source>
        <translation>这条回复已不在此对话中。</translation>
    </message>
    <message>
        <source>Only a reply that was stopped or failed can be continued.</source>
        <translation>只有被停止或失败的回复才能继续。</translation>
    </message>
    <message>
        <source>The reply has no text to continue from: use Retry for a new one.</source>
        <translation>这条回复没有可接续的文字：请用“重试”生成新的回复。</translation>
    </message>
    <message>
        <source>The server %1 cannot continue a reply (an OpenAI-compatible server would answer anew): use Retry, or pick a model on an Ollama server.</source>
        <translation>服务器 %1 无法继续一条回复（OpenAI 兼容服务器会重新作答）：请用“重试”，或选择 Ollama 服务器上的模型。</translation>
    </message>
    <message>
        <source>Only the last reply of a conversation can be continued: messages follow this one.</source>
        <translation>只有对话的最后一条回复才能继续：这条回复之后还有消息。</translation>
    </message>
    <message>
        <source>The last message is yours, not a reply: there is nothing to continue.</source>
        <translation>最后一条消息是你的，不是回复：没有可继续的内容。</translation>
    </message>
    <message>
        <source>That reply is still coming in, or being saved (perhaps in another Lyss): wait for it to end, then try again.</source>
        <translation>这条回复仍在接收或保存中（可能在另一个 Lyss 里）：请等它结束后再试。</translation>
    </message>
</context>
<context>
    <name>lyss::ChatImport</name>
    <message>
        <source>Chats cannot be imported: %1.</source>
        <translation>无法导入对话：%1。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>lyss::ChatListModel</name>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation>无标题对话</translation>
    </message>
</context>
<context>
    <name>lyss::ChatPage</name>
    <message>
        <source>The first model listed</source>
        <translation>列出的第一个模型</translation>
    </message>
    <message>
        <source>Model for new chats</source>
        <translation>新对话使用的模型</translation>
    </message>
    <message>
        <source>System prompt for new chats</source>
        <translation>新对话的系统提示词</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>server default, e.g. 5m</source>
        <translation>服务器默认值，例如 5m</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Context length (Ollama num_ctx)</source>
        <translation>上下文长度（Ollama num_ctx）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Keep the model loaded for</source>
        <translation>模型保持加载的时长</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>New chats</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>This chat</source>
        <translation>此对话</translation>
    </message>
    <message>
        <source>Start a chat to set its options.</source>
        <translation>开始一个对话后即可设置它的选项。</translation>
    </message>
</context>
<context>
    <name>lyss::ChatSidebar</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>新对话（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search chats (Ctrl+K)</source>
        <translation>搜索对话（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Read only: nothing can be changed</source>
        <translation>只读：无法进行任何更改</translation>
    </message>
    <message>
        <source>No chat has “%1”. Esc clears the search.</source>
        <translation>没有包含“%1”的对话。按 Esc 清除搜索。</translation>
    </message>
    <message>
        <source>Searching the messages…</source>
        <translation>正在搜索消息…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No chats yet. What you ask appears here, to come back to.</source>
        <translation>还没有对话。你问过的会出现在这里，方便回来再看。</translation>
    </message>
</context>
<context>
    <name>lyss::ChatTree</name>
    <message>
        <source>message &quot;%1&quot; appears twice.</source>
        <translation>消息“%1”出现了两次。</translation>
    </message>
    <message>
        <source>message &quot;%1&quot;: its parent &quot;%2&quot; is not one of this chat&apos;s messages.</source>
        <translation>消息“%1”：它的父消息“%2”不是此对话中的消息。</translation>
    </message>
    <message>
        <source>message &quot;%1&quot; is its own ancestor (the parent links form a loop).</source>
        <translation>消息“%1”是它自己的祖先（父链接形成了循环）。</translation>
    </message>
</context>
<context>
    <name>lyss::Composer</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send a message (Enter to send, Shift+Enter for a new line)</source>
        <translation>发送消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Read only: the database cannot be written (see above)</source>
        <translation>只读：数据库无法写入（见上方）</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>lyss::ContentFilter</name>
    <message>
        <source>Content guard</source>
        <translation>内容守卫</translation>
    </message>
    <message>
        <source>Refuses messages with a word from a list and masks such words in replies.</source>
        <translation>拒绝包含列表中词语的消息，并在回复中遮盖这些词语。</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>The words not allowed.</source>
        <translation>不允许的词语。</translation>
    </message>
    <message>
        <source>Match whole words only (&quot;cat&quot; not in &quot;concatenate&quot;).</source>
        <translation>只匹配完整单词（“cat”不匹配“concatenate”）。</translation>
    </message>
    <message>
        <source>Tell &quot;Word&quot; from &quot;word&quot;.</source>
        <translation>区分“Word”和“word”。</translation>
    </message>
    <message>
        <source>the message contains &quot;%1&quot;, a word this installation does not allow</source>
        <translation>消息包含“%1”，这是本安装不允许的词语</translation>
    </message>
</context>
<context>
    <name>lyss::ConversationPane</name>
    <message>
        <source>Editing your message: sending makes a new branch. Esc cancels.</source>
        <translation>正在编辑你的消息：发送后会产生一个新分支。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>无法发送</translation>
    </message>
    <message>
        <source>Reply ready: %1</source>
        <translation>回复已完成：%1</translation>
    </message>
    <message>
        <source>Reply stopped: %1</source>
        <translation>回复已停止：%1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete this message and every reply below it?</source>
        <translation>删除这条消息及其下面的所有回复？</translation>
    </message>
    <message>
        <source>Cannot regenerate</source>
        <translation>无法重新生成</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Cannot show that branch</source>
        <translation>无法显示该分支</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Cannot show the message</source>
        <translation>无法显示该消息</translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation>无法编辑</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Not continued: %1</source>
        <translation>未继续：%1</translation>
    </message>
</context>
<context>
    <name>lyss::Conversations</name>
    <message>
        <source>A reply is still coming in this chat. Stop it (Esc) or wait for it to end, then try again.</source>
        <translation>此对话中仍有回复正在生成。请先停止（Esc）或等它结束，然后再试。</translation>
    </message>
    <message>
        <source>That reply is no longer in this chat.</source>
        <translation>该回复已不在此对话中。</translation>
    </message>
    <message>
        <source>There is no chat with the id %1.</source>
        <translation>没有 id 为 %1 的对话。</translation>
    </message>
</context>
<context>
    <name>lyss::DataDir</name>
    <message>
        <source>The data directory %1 exists but is not a directory.</source>
        <translation>数据目录 %1 已存在，但它不是目录。</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1. Check its permissions, or choose another one with --data-dir.</source>
        <translation>无法创建数据目录 %1。请检查权限，或用 --data-dir 选择另一个目录。</translation>
    </message>
</context>
<context>
    <name>lyss::DataPage</name>
    <message>
        <source>Bring your chats in from Open WebUI (Settings › Data › Export Chats, a chat-export-….json file) or ChatGPT (conversations.json from its data export). Branches, models, times, titles and tags come across. A broken file imports nothing; chats imported before are skipped. You can also drop the file on the window.</source>
        <translation>从 Open WebUI（设置 › 数据 › 导出对话，一个 chat-export-….json 文件）或 ChatGPT（其数据导出中的 conversations.json）导入你的对话。分支、模型、时间、标题和标签都会一并导入。损坏的文件不会导入任何内容；之前导入过的对话会被跳过。你也可以把文件拖到窗口上。</translation>
    </message>
    <message>
        <source>Import chats…</source>
        <translation>导入对话…</translation>
    </message>
    <message>
        <source>Import chats</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Chat exports (*.json);;All files (*)</source>
        <translation>对话导出文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export chats…</source>
        <translation>导出对话…</translation>
    </message>
    <message>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Chat exports (*.json)</source>
        <translation>对话导出文件 (*.json)</translation>
    </message>
    <message>
        <source>Back up the database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Lyss databases (*.db)</source>
        <translation>Lyss 数据库 (*.db)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chat(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <source>Take your chats out, as Open WebUI&apos;s export (Open WebUI and Lyss import it again with nothing lost), or back up the whole database: chats, settings and accounts. Restoring a backup keeps the database before it as a copy, and starts Lyss again.</source>
        <translation>把你的对话导出为 Open WebUI 的导出格式（Open WebUI 和 Lyss 都能原样再导入），或备份整个数据库：对话、设置和账户。恢复备份时会把恢复前的数据库保留为副本，并重新启动 Lyss。</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Lyss databases (*.db);;All files (*)</source>
        <translation>Lyss 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace all chats, settings and accounts with the backup %1? The database as it is now is kept as a copy beside it, and Lyss starts again.</source>
        <translation>用备份 %1 替换所有对话、设置和账户吗？当前的数据库会作为副本保留在旁边，然后 Lyss 会重新启动。</translation>
    </message>
    <message>
        <source>Restored from %1; the database before it is kept as %2. Lyss starts again.</source>
        <translation>已从 %1 恢复；恢复前的数据库保留为 %2。Lyss 将重新启动。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export and back up</source>
        <translation>导出与备份</translation>
    </message>
</context>
<context>
    <name>lyss::FilterChips</name>
    <message>
        <source>Runs on this chat&apos;s messages and replies while on.</source>
        <translation>打开时作用于此对话的消息和回复。</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>过滤器 %1</translation>
    </message>
    <message>
        <source>Cannot switch the filter</source>
        <translation>无法切换过滤器</translation>
    </message>
    <message>
        <source>The chat is not saved yet: switch the filter once its first reply has begun.</source>
        <translation>对话尚未保存：请在第一条回复开始后再切换过滤器。</translation>
    </message>
</context>
<context>
    <name>lyss::FilterRegistry</name>
    <message>
        <source>turn a filter on</source>
        <translation>开启过滤器</translation>
    </message>
    <message>
        <source>turn a filter off</source>
        <translation>关闭过滤器</translation>
    </message>
    <message>
        <source>There is no filter %1 (lyss-cli filters list shows them).</source>
        <translation>没有过滤器 %1（lyss-cli filters list 会列出它们）。</translation>
    </message>
    <message>
        <source>change a filter&apos;s valves</source>
        <translation>修改过滤器的阀门</translation>
    </message>
    <message>
        <source>The filter %1 tells its valves once it runs: turn it on first.</source>
        <translation>过滤器 %1 运行后才会给出它的阀门：请先开启它。</translation>
    </message>
    <message>
        <source>change which models a filter applies to</source>
        <translation>更改过滤器适用的模型</translation>
    </message>
    <message>
        <source>The models of %1 are set on its Pipelines server, as its valve &quot;pipelines&quot;: lyss-cli filters set %1 pipelines &apos;[&quot;llama3.2:latest&quot;]&apos;</source>
        <translation>%1 的模型在其 Pipelines 服务器上设置，即其阀门 &quot;pipelines&quot;：lyss-cli filters set %1 pipelines &apos;[&quot;llama3.2:latest&quot;]&apos;</translation>
    </message>
</context>
<context>
    <name>lyss::FiltersPage</name>
    <message>
        <source>on, failing: %1</source>
        <translation>开启，出错：%1</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>on, where a chat switches it on</source>
        <translation>开启，仅在对话中打开时运行</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>A filter reads every request and reply it applies to. One found in %1 is off, and not run at all, until you turn it on.</source>
        <translation>过滤器会读取它所适用的每个请求和回复。在 %1 中找到的过滤器默认关闭，在你开启之前完全不会运行。</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Turn &amp;on</source>
        <translation>开启(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Read the folder again</source>
        <translation>重新读取文件夹(&amp;R)</translation>
    </message>
    <message>
        <source>Valves</source>
        <translation>阀门</translation>
    </message>
    <message>
        <source>&amp;Save valves</source>
        <translation>保存阀门(&amp;S)</translation>
    </message>
    <message>
        <source>Turn &amp;off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 is off.</source>
        <translation>%1 已关闭。</translation>
    </message>
    <message>
        <source>The valves of %1 are saved.</source>
        <translation>%1 的阀门已保存。</translation>
    </message>
    <message>
        <source>An admin chooses which filters run. Here you set your own valves of those that have some; toggle filters are switched on per chat, over the message box.</source>
        <translation>由管理员决定运行哪些过滤器。你可以在这里设置自己的阀门（如果过滤器有）；开关式过滤器在每个对话的输入框上方打开。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Model names separated by commas. A name without a tag (llama3.2) takes every tag (llama3.2:latest, llama3.2:1b).</source>
        <translation>用逗号分隔的模型名称。不带标签的名称（llama3.2）匹配所有标签（llama3.2:latest、llama3.2:1b）。</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>none (* for every model)</source>
        <translation>无（* 表示所有模型）</translation>
    </message>
    <message>
        <source>New chats with these models start with this toggle filter switched on; a chat can still switch it off.</source>
        <translation>使用这些模型的新对话开始时会打开此开关式过滤器；对话仍可将其关闭。</translation>
    </message>
    <message>
        <source>On in new chats &amp;with</source>
        <translation>新对话中默认打开(&amp;W)</translation>
    </message>
    <message>
        <source>Save &amp;models</source>
        <translation>保存模型(&amp;M)</translation>
    </message>
    <message>
        <source>Where it runs</source>
        <translation>运行范围</translation>
    </message>
    <message>
        <source>Save &amp;your valves</source>
        <translation>保存你的阀门(&amp;Y)</translation>
    </message>
    <message>
        <source>Your own valves</source>
        <translation>你自己的阀门</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>A toggle filter: it runs only in the chats that switch it on.</source>
        <translation>开关式过滤器：只在打开它的对话中运行。</translation>
    </message>
    <message>
        <source>Where %1 runs is saved.</source>
        <translation>%1 的运行范围已保存。</translation>
    </message>
    <message>
        <source>Your valves of %1 are saved.</source>
        <translation>你在 %1 上的阀门已保存。</translation>
    </message>
    <message>
        <source>on, on the Pipelines server</source>
        <translation>已打开，在 Pipelines 服务器上</translation>
    </message>
    <message>
        <source>Sending the valves of %1 to its server…</source>
        <translation>正在将 %1 的阀门发送到其服务器…</translation>
    </message>
    <message>
        <source>The valves of %1 were not saved: %2</source>
        <translation>%1 的阀门未保存：%2</translation>
    </message>
    <message>
        <source>The filters of %1, if it is a Pipelines server, are not known: %2</source>
        <translation>%1 若是 Pipelines 服务器，其过滤器未知：%2</translation>
    </message>
    <message>
        <source>Its server runs it on: %1 (its &quot;pipelines&quot; valve). Its valves are kept on the server.</source>
        <translation>其服务器将它用于：%1（其 &quot;pipelines&quot; 阀门）。它的阀门保存在服务器上。</translation>
    </message>
    <message>
        <source>%1 is on: from now on it runs on the replies it applies to.</source>
        <translation>%1 已打开：从现在起它会作用于适用的回复。</translation>
    </message>
</context>
<context>
    <name>lyss::FindBar</name>
    <message>
        <source>Find in this chat (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>在此对话中查找（Enter：下一个，Shift+Enter：上一个，Esc：关闭）</translation>
    </message>
    <message>
        <source>Find in this chat</source>
        <translation>在此对话中查找</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>lyss::HttpChatStream</name>
    <message>
        <source>%1 answered with a web page (%2) instead of a model stream. A network that wants you to sign in first (a captive portal or a proxy) does this, and so does an address that points at a web site: open %3 in a browser to see what is there.</source>
        <translation>%1 返回的是网页（%2），而不是模型流。需要先登录的网络（强制门户或代理）会这样做，指向网站的地址也会这样：在浏览器中打开 %3 查看那里是什么。</translation>
    </message>
    <message>
        <source>%1 sent nothing usable for %2 seconds, so Lyss stopped waiting; what arrived is kept. (The limit is the setting net.idle_timeout_seconds.)</source>
        <translation>%1 在 %2 秒内没有发送任何可用内容，因此 Lyss 停止等待；已收到的内容已保留。（该限制由设置 net.idle_timeout_seconds 决定。）</translation>
    </message>
</context>
<context>
    <name>lyss::ImportDrop</name>
    <message>
        <source>Chats imported</source>
        <translation>对话已导入</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>没有导入任何内容</translation>
    </message>
</context>
<context>
    <name>lyss::InstalledModels</name>
    <message>
        <source>Ollama server:</source>
        <translation>Ollama 服务器：</translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation>Ollama 服务器</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Loaded now</source>
        <translation>当前已加载</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>已安装的模型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected model from the server</source>
        <translation>从服务器删除所选模型</translation>
    </message>
    <message>
        <source>No Ollama server is configured. Add one in Settings › Servers.</source>
        <translation>尚未配置 Ollama 服务器。请在“设置 › 服务器”中添加一个。</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 获取模型列表…</translation>
    </message>
    <message>
        <source>%1 has no models yet: download one below.</source>
        <translation>%1 还没有模型：请在下方下载一个。</translation>
    </message>
    <message>
        <source>%1 in memory</source>
        <translation>%1 在内存中</translation>
    </message>
    <message>
        <source>%1 in memory, unloading</source>
        <translation>%1 在内存中，正在卸载</translation>
    </message>
    <message>
        <source>Family: %1</source>
        <translation>系列：%1</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数量：%1</translation>
    </message>
    <message>
        <source>Quantisation: %1</source>
        <translation>量化：%1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Context length: %1 tokens</source>
        <translation>上下文长度：%1 个词元</translation>
    </message>
    <message>
        <source>Can do: %1</source>
        <translation>能力：%1</translation>
    </message>
    <message>
        <source>Parameters set in the model:
%1</source>
        <translation>模型中设定的参数：
%1</translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>Asking %1 about %2…</source>
        <translation>正在向 %1 查询 %2…</translation>
    </message>
    <message>
        <source>Model details</source>
        <translation>模型详情</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete %1 from %2? It frees %3; using it again means downloading it again.</source>
        <translation>要从 %2 删除 %1 吗？这将释放 %3；以后再用需要重新下载。</translation>
    </message>
    <message>
        <source>its space</source>
        <translation>其占用的空间</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1 (%2 on the GPU)</source>
        <translation>%1（%2 在 GPU 上）</translation>
    </message>
    <message>
        <source>%1 in memory until %2</source>
        <translation>%1 在内存中，直到 %2</translation>
    </message>
</context>
<context>
    <name>lyss::JsonRpcPeer</name>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>%2 秒内没有回应 %1</translation>
    </message>
    <message>
        <source>it does not read what it is sent</source>
        <translation>它不读取发送给它的内容</translation>
    </message>
    <message>
        <source>it wrote a line longer than %1 MiB</source>
        <translation>它写出了超过 %1 MiB 的一行</translation>
    </message>
    <message>
        <source>it wrote something that is not JSON-RPC 2.0: %1</source>
        <translation>它写出了不是 JSON-RPC 2.0 的内容：%1</translation>
    </message>
    <message>
        <source>it called %1, and filters call nothing</source>
        <translation>它调用了 %1，而过滤器不应调用任何方法</translation>
    </message>
    <message>
        <source>it answered a call that was not made (id %1)</source>
        <translation>它回应了一个并未发出的调用（id %1）</translation>
    </message>
    <message>
        <source>it failed without saying why</source>
        <translation>它失败了，但没有说明原因</translation>
    </message>
    <message>
        <source>its answer has neither a result nor an error</source>
        <translation>它的回答既没有结果也没有错误</translation>
    </message>
    <message>
        <source>it sent more than %1 notifications without answering</source>
        <translation>它在未作回答的情况下发送了超过 %1 条通知</translation>
    </message>
</context>
<context>
    <name>lyss::MainWindow</name>
    <message>
        <source>Lyss</source>
        <translation>Lyss</translation>
    </message>
    <message>
        <source>Show or hide the chat list (Ctrl+Shift+S)</source>
        <translation>显示或隐藏对话列表（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Chat list</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>设置（Ctrl+,）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Theme (Ctrl+Shift+L cycles)</source>
        <translation>主题（Ctrl+Shift+L 切换）</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Start-up messages</source>
        <translation>启动消息</translation>
    </message>
    <message>
        <source>Servers changed</source>
        <translation>服务器已更改</translation>
    </message>
    <message>
        <source>The change applies once the replies now streaming have finished; open Settings again then.</source>
        <translation>正在流式输出的回复结束后，更改才会生效；届时请再次打开设置。</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Replies not saved</source>
        <translation>回复未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) could not be saved, and leaving now loses them. Copy what you need, or free some space and press Retry saving first. Leave anyway?</source>
        <translation>
            <numerusform>有 %n 条回复无法保存，现在离开将丢失它们。请复制你需要的内容，或先释放一些空间并点击“重试保存”。仍要离开吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>A reply is still coming in: stop it or let it finish, then restore.</source>
        <translation>还有回复正在接收：请停止它或等它结束，然后再恢复。</translation>
    </message>
    <message>
        <source>A reply is not saved yet: press Retry saving (or free some space) before you restore.</source>
        <translation>还有回复尚未保存：恢复之前请按“重试保存”（或腾出一些空间）。</translation>
    </message>
</context>
<context>
    <name>lyss::MarkdownRenderer</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message numerus="yes">
        <source>A table of %n row(s), too large to lay out, shown as text:</source>
        <translation>
            <numerusform>一个 %n 行的表格，太大无法排版，以文本显示：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>思考过程</translation>
    </message>
    <message numerus="yes">
        <source>Thought for %n s</source>
        <translation>
            <numerusform>思考了 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Laying out a long reply…</source>
        <translation>正在排版一条很长的回复…</translation>
    </message>
    <message>
        <source>This message is too long to show here in full.</source>
        <translation>这条消息太长，无法在此完整显示。</translation>
    </message>
    <message>
        <source>Show all of it</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
</context>
<context>
    <name>lyss::MessageLayouts</name>
    <message>
        <source>Stopped before the end.</source>
        <translation>在结束前被停止。</translation>
    </message>
    <message>
        <source>Cut off when Lyss last stopped.</source>
        <translation>在 Lyss 上次停止时被中断。</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
</context>
<context>
    <name>lyss::MessageModel</name>
    <message>
        <source>The whole text of this message is not at hand.</source>
        <translation>此消息的全文暂时无法读取。</translation>
    </message>
    <message>
        <source>This message was deleted meanwhile.</source>
        <translation>此消息已在此期间被删除。</translation>
    </message>
</context>
<context>
    <name>lyss::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 跳到最新</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>跳到最新的消息</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Copy message (markdown)</source>
        <translation>复制消息（Markdown）</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <source>Previous version (%1 of %2)</source>
        <translation>上一个版本（第 %1 个，共 %2 个）</translation>
    </message>
    <message>
        <source>Next version (%1 of %2)</source>
        <translation>下一个版本（第 %1 个，共 %2 个）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Continue the reply</source>
        <translation>继续这条回复</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>lyss::ModelPicker</name>
    <message>
        <source>No model is available. Start Ollama or add a server, then press Retry.</source>
        <translation>没有可用的模型。请启动 Ollama 或添加服务器，然后点击“重试”。</translation>
    </message>
</context>
<context>
    <name>lyss::ModelsPage</name>
    <message>
        <source>Download a model into Ollama, for example llama3.2 or qwen3:8b:</source>
        <translation>把模型下载到 Ollama，例如 llama3.2 或 qwen3:8b：</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Type the name of a model first.</source>
        <translation>请先输入模型名称。</translation>
    </message>
    <message>
        <source>No Ollama server is configured.</source>
        <translation>没有配置 Ollama 服务器。</translation>
    </message>
    <message>
        <source>Downloaded %1.</source>
        <translation>已下载 %1。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>停止下载</translation>
    </message>
    <message>
        <source>A download is under way; cancel it first.</source>
        <translation>已有下载正在进行；请先取消它。</translation>
    </message>
    <message>
        <source>Download of %1 cancelled; what was downloaded so far is kept by Ollama and used when you pull it again.</source>
        <translation>已取消下载 %1；已下载的部分由 Ollama 保留，再次拉取时会继续使用。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>，%1/秒</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The download stopped: its server was changed or removed. Pull it again to go on where it stopped.</source>
        <translation>下载已停止：它的服务器被更改或移除了。再次拉取即可从停止处继续。</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
</context>
<context>
    <name>lyss::NoticeBar</name>
    <message>
        <source>Filter error</source>
        <translation>过滤器错误</translation>
    </message>
    <message>
        <source>Filter warning</source>
        <translation>过滤器警告</translation>
    </message>
    <message>
        <source>Filter notice</source>
        <translation>过滤器通知</translation>
    </message>
</context>
<context>
    <name>lyss::OllamaBackend</name>
    <message>
        <source>There is no model &quot;%1&quot; on %2.</source>
        <translation>%2 上没有模型“%1”。</translation>
    </message>
</context>
<context>
    <name>lyss::OpenWebUiBackend</name>
    <message>
        <source>%1 sent its chats, but line %2 is not a chat (%3). Nothing was imported.</source>
        <translation>%1 发来了对话，但第 %2 行不是对话（%3）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>Your account on %1 is waiting for an admin to approve it.</source>
        <translation>你在 %1 上的账户正在等待管理员批准。</translation>
    </message>
</context>
<context>
    <name>lyss::PersonMenu</name>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录为 %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录为 %1（%2）</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <source>Switch person…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>lyss::PersonShell</name>
    <message>
        <source>Sign in as the person taking over. Cancel, and %1 stays signed in.</source>
        <translation>请以接手的人的身份登录。点击取消，%1 将保持登录。</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>你已退出登录。</translation>
    </message>
    <message>
        <source>Your session has ended: you were signed out elsewhere, it expired, or an admin disabled your account. Sign in again.</source>
        <translation>你的会话已结束：你在别处退出了登录、会话已过期，或管理员停用了你的账户。请重新登录。</translation>
    </message>
    <message>
        <source>Cannot sign in</source>
        <translation>无法登录</translation>
    </message>
</context>
<context>
    <name>lyss::PipelineFilter</name>
    <message>
        <source>A filter pipeline of the Pipelines server %1.</source>
        <translation>Pipelines 服务器 %1 的过滤管道。</translation>
    </message>
    <message>
        <source>Pipelines server %1 (%2)</source>
        <translation>Pipelines 服务器 %1（%2）</translation>
    </message>
    <message>
        <source>Pipelines server %1</source>
        <translation>Pipelines 服务器 %1</translation>
    </message>
    <message>
        <source>%1 did not run: %2</source>
        <translation>%1 未运行：%2</translation>
    </message>
    <message>
        <source>its answer is not a JSON object</source>
        <translation>它的回答不是 JSON 对象</translation>
    </message>
    <message>
        <source>its valves&apos; schema is not a JSON object</source>
        <translation>它的阀门模式不是 JSON 对象</translation>
    </message>
    <message>
        <source>its valves are not a JSON object</source>
        <translation>它的阀门不是 JSON 对象</translation>
    </message>
    <message>
        <source>The Pipelines server %1 is no longer configured.</source>
        <translation>Pipelines 服务器 %1 已不再配置。</translation>
    </message>
    <message>
        <source>the Pipelines server %1 is no longer configured</source>
        <translation>Pipelines 服务器 %1 已不再配置</translation>
    </message>
    <message>
        <source>The filter was removed meanwhile.</source>
        <translation>该过滤器已在此期间被移除。</translation>
    </message>
    <message>
        <source>The valves of %1 could not be read from its server yet, so they are not changed (the server would set every valve not sent back to its default).</source>
        <translation>尚未能从服务器读取 %1 的阀门，因此未作更改（服务器会把未发回的阀门重置为默认值）。</translation>
    </message>
</context>
<context>
    <name>lyss::PollingTransport</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>the server&apos;s open packet has no session id</source>
        <translation>服务器的打开数据包中没有会话 id</translation>
    </message>
</context>
<context>
    <name>lyss::ProcessFilter</name>
    <message>
        <source>it cannot be started (%1)</source>
        <translation>无法启动它（%1）</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>它崩溃了</translation>
    </message>
    <message>
        <source>it exited with code %1</source>
        <translation>它以代码 %1 退出</translation>
    </message>
    <message>
        <source>its describe answer is not an object</source>
        <translation>它对 describe 的回答不是对象</translation>
    </message>
    <message>
        <source>it did not describe itself: %1</source>
        <translation>它没有描述自己：%1</translation>
    </message>
    <message>
        <source>%1 (it is started again shortly)</source>
        <translation>%1（它将很快重新启动）</translation>
    </message>
    <message>
        <source>it is still starting</source>
        <translation>它仍在启动中</translation>
    </message>
    <message>
        <source>it answered %1 with something that is not an object</source>
        <translation>它对 %1 的回应不是对象</translation>
    </message>
    <message>
        <source>it hangs (%1)</source>
        <translation>它卡住了（%1）</translation>
    </message>
    <message>
        <source>it was turned off</source>
        <translation>它已被关闭</translation>
    </message>
</context>
<context>
    <name>lyss::PullOperation</name>
    <message>
        <source>Pulling %1 failed: %2</source>
        <translation>拉取 %1 失败：%2</translation>
    </message>
    <message>
        <source>The connection closed before pulling %1 finished. Run the pull again: Ollama continues where it stopped.</source>
        <translation>拉取 %1 完成前连接已关闭。请再次拉取：Ollama 会从停止的地方继续。</translation>
    </message>
    <message>
        <source>Pulling %1 was cancelled.</source>
        <translation>已取消拉取 %1。</translation>
    </message>
</context>
<context>
    <name>lyss::RateLimitFilter</name>
    <message>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>How many requests each person may send per minute and per hour.</source>
        <translation>每个人每分钟和每小时可以发送的请求数。</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Requests a person may send in a minute (0: no limit).</source>
        <translation>每人每分钟可发送的请求数（0：不限）。</translation>
    </message>
    <message>
        <source>Requests a person may send in an hour (0: no limit).</source>
        <translation>每人每小时可发送的请求数（0：不限）。</translation>
    </message>
    <message>
        <source>you have sent as many requests as this installation allows in a minute (%1); %2</source>
        <translation>你在一分钟内发送的请求已达本安装允许的上限（%1）；%2</translation>
    </message>
    <message>
        <source>you have sent as many requests as this installation allows in an hour (%1); %2</source>
        <translation>你在一小时内发送的请求已达本安装允许的上限（%1）；%2</translation>
    </message>
</context>
<context>
    <name>lyss::ReplyCost</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Model: %1 on %2</source>
        <translation>模型：%2 上的 %1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>写于：%1</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>Token 数：%1</translation>
    </message>
    <message>
        <source>Speed: %1 tokens/s</source>
        <translation>速度：%1 token/秒</translation>
    </message>
    <message>
        <source>First token after: %1 s</source>
        <translation>首个 token 用时：%1 秒</translation>
    </message>
    <message>
        <source>Total time: %1 s</source>
        <translation>总用时：%1 秒</translation>
    </message>
    <message>
        <source>Continued with %1</source>
        <translation>由 %1 继续</translation>
    </message>
    <message>
        <source>Continued with %1 on %2</source>
        <translation>由 %2 上的 %1 继续</translation>
    </message>
    <message numerus="yes">
        <source>Continued %n time(s)</source>
        <translation>
            <numerusform>继续了 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lyss::ServerAccount</name>
    <message>
        <source> until %1</source>
        <translation>，有效至 %1</translation>
    </message>
    <message>
        <source>Added %1, signed in as %2%3.</source>
        <translation>已添加 %1，已登录为 %2%3。</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2%3.</source>
        <translation>已以 %2 登录 %1%3。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>来自 %1：%2</translation>
    </message>
    <message>
        <source>The key is %1&apos;s.</source>
        <translation>这是 %1 的密钥。</translation>
    </message>
    <message>
        <source>The key could not be checked: %1</source>
        <translation>无法检查该密钥：%1</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>未添加任何内容。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
    <message>
        <source>Removed %1 and signed out of it as %2.</source>
        <translation>已移除 %1，并已以 %2 的身份从中退出登录。</translation>
    </message>
    <message>
        <source>Removed %1, but the server did not end the sign-in: %2</source>
        <translation>已移除 %1，但服务器没有结束该登录：%2</translation>
    </message>
    <message>
        <source>Its key is still in the keyring: %1</source>
        <translation>其密钥仍在钥匙环中：%1</translation>
    </message>
</context>
<context>
    <name>lyss::ServerAdder</name>
    <message>
        <source>Servers cannot be changed: %1.</source>
        <translation>无法更改服务器：%1。</translation>
    </message>
    <message>
        <source>change the servers</source>
        <translation>更改服务器</translation>
    </message>
    <message>
        <source>Give the server a short name: letters, digits, dots, dashes.</source>
        <translation>请给服务器起一个简短的名称：字母、数字、点、短横线。</translation>
    </message>
    <message>
        <source>A server named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的服务器已存在。</translation>
    </message>
    <message>
        <source>The server was not added.</source>
        <translation>服务器没有添加。</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>lyss::ServerChannel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>lyss::ServerEvents</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>code sent to run in a browser was refused</source>
        <translation>已拒绝运行发给浏览器的代码</translation>
    </message>
    <message>
        <source>a question nobody was here to answer was declined: %1</source>
        <translation>无人在场回答的问题已被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>lyss::ServerEventsView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>lyss::ServerQuestionDialog</name>
    <message>
        <source>%1 asks</source>
        <translation>%1 询问</translation>
    </message>
    <message>
        <source>Asked by a tool on the server %1 while it works on a reply.</source>
        <translation>由服务器 %1 上的工具在生成回复时提出。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>lyss::ServerRunStream</name>
    <message>
        <source>%1 sent nothing about this reply for %2 seconds, so Lyss stopped waiting; what arrived is kept. (The limit is the setting net.idle_timeout_seconds.)</source>
        <translation>%1 已有 %2 秒没有发送关于此回复的任何内容，Lyss 停止等待；已收到的内容已保留。（此限制由设置 net.idle_timeout_seconds 决定。）</translation>
    </message>
    <message>
        <source>%1 did not take the reply: it answered %2</source>
        <translation>%1 没有接受此回复请求：它的应答是 %2</translation>
    </message>
    <message>
        <source>%1 reported an error without words.</source>
        <translation>%1 报告了一个错误，但没有说明原因。</translation>
    </message>
    <message>
        <source>The live connection to %1 was lost while it wrote this reply (%2); what arrived is kept. Regenerate to ask again.</source>
        <translation>%1 在生成此回复时实时连接中断（%2）；已收到的内容已保留。可点击“重新生成”再问一次。</translation>
    </message>
    <message>
        <source>The live connection to %1 was closed while it wrote this reply; what arrived is kept. Regenerate to ask again.</source>
        <translation>%1 在生成此回复时实时连接已关闭；已收到的内容已保留。可点击“重新生成”再问一次。</translation>
    </message>
    <message>
        <source>The live connection to %1 was lost before its filters had checked the reply; it is kept as it came.</source>
        <translation>在 %1 的过滤器检查完回复之前，与它的实时连接已断开；回复按收到的原样保留。</translation>
    </message>
</context>
<context>
    <name>lyss::ServerStatus</name>
    <message>
        <source>Server status</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>sign in again soon</source>
        <translation>请尽快重新登录</translation>
    </message>
    <message>
        <source>Signed in as %1 until %2; sign in again in Settings › Servers before then.</source>
        <translation>已登录为 %1，有效至 %2；请在此之前于“设置 › 服务器”中重新登录。</translation>
    </message>
    <message>
        <source>live updates again in %1 s</source>
        <translation>实时更新将在 %1 秒后重连</translation>
    </message>
    <message>
        <source>live updates stopped</source>
        <translation>实时更新已停止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Live updates: %1</source>
        <translation>实时更新：%1</translation>
    </message>
</context>
<context>
    <name>lyss::ServerToolChips</name>
    <message>
        <source>Cannot switch the tool</source>
        <translation>无法切换该工具</translation>
    </message>
    <message>
        <source>The chat is not saved yet: switch the tool once its first reply has begun.</source>
        <translation>对话尚未保存：请在它的第一条回复开始后再切换该工具。</translation>
    </message>
    <message>
        <source>Tools of %1:</source>
        <translation>%1 的工具：</translation>
    </message>
    <message>
        <source>%1 may run this tool while it writes a reply in this chat (its admin attached it to %2). Switch it off to ask without it.</source>
        <translation>%1 在为此对话生成回复时可能会运行这个工具（其管理员把它附加到了 %2）。关闭它即可在不使用该工具的情况下提问。</translation>
    </message>
    <message>
        <source>Server tool %1</source>
        <translation>服务器工具 %1</translation>
    </message>
</context>
<context>
    <name>lyss::ServersPage</name>
    <message>
        <source>Model servers</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>OpenAI-compatible (llama.cpp, LM Studio, vLLM, hosted)</source>
        <translation>兼容 OpenAI（llama.cpp、LM Studio、vLLM、在线服务）</translation>
    </message>
    <message>
        <source>optional; kept in the system keyring</source>
        <translation>可选；保存在系统密钥环中</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <source>environment (%1)</source>
        <translation>环境变量（%1）</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>, off</source>
        <translation>，已关闭</translation>
    </message>
    <message>
        <source>Choose a server in the list first.</source>
        <translation>请先在列表中选择一个服务器。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not added here (it comes from the environment or is built in), so it cannot be %2 here.</source>
        <extracomment>%2 is &quot;changed&quot; or &quot;removed&quot;</extracomment>
        <translation>“%1”不是在这里添加的（它来自环境变量或是内置的），因此不能在这里%2。</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>leave empty to keep the stored key</source>
        <translation>留空以保留已保存的密钥</translation>
    </message>
    <message>
        <source>Save server</source>
        <translation>保存服务器</translation>
    </message>
    <message>
        <source>Editing %1: change what you need and save.</source>
        <translation>正在编辑 %1：修改需要的内容后保存。</translation>
    </message>
    <message>
        <source>Choose a server to edit first.</source>
        <translation>请先选择要编辑的服务器。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>已保存 %1（%2）。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
    <message>
        <source>✓ %1 answers (%2).</source>
        <translation>✓ %1 已应答（%2）。</translation>
    </message>
    <message>
        <source>There is no server to test: add one below.</source>
        <translation>没有可测试的服务器：请在下方添加一个。</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Import my chats</source>
        <translation>导入我的对话</translation>
    </message>
    <message>
        <source>Bring your chats over from this Open WebUI server</source>
        <translation>从这个 Open WebUI 服务器导入你的对话</translation>
    </message>
    <message>
        <source>Open WebUI server (sign in)</source>
        <translation>Open WebUI 服务器（登录）</translation>
    </message>
    <message>
        <source>sent to the server only; never kept</source>
        <translation>只发送给服务器；不会保存</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>or an API key (sk-…) instead of signing in</source>
        <translation>或者用 API 密钥（sk-…）代替登录</translation>
    </message>
    <message>
        <source>%1, sign-in ended: Edit to sign in again</source>
        <translation>%1，登录已结束：点“编辑”重新登录</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1，有效至 %2</translation>
    </message>
    <message>
        <source>Give the password of %1 on that server (it is sent to the server, and kept nowhere).</source>
        <translation>请输入 %1 在该服务器上的密码（它只发送给服务器，不在任何地方保存）。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Sign in with your email and password on that server, or give an API key.</source>
        <translation>请用你在该服务器上的邮箱和密码登录，或者给出 API 密钥。</translation>
    </message>
    <message>
        <source>Editing %1: give your password to sign in again.</source>
        <translation>正在编辑 %1：输入密码以重新登录。</translation>
    </message>
    <message>
        <source>Chats cannot be imported: %1.</source>
        <translation>无法导入对话：%1。</translation>
    </message>
    <message>
        <source>Choose an Open WebUI server in the list first: your chats are brought over from one.</source>
        <translation>请先在列表中选择一个 Open WebUI 服务器：对话从它导入。</translation>
    </message>
    <message>
        <source>Reading your chats from %1…</source>
        <translation>正在从 %1 读取你的对话…</translation>
    </message>
    <message>
        <source>Sign in with your email and password, or give an API key: not both.</source>
        <translation>请用邮箱和密码登录，或者给出 API 密钥：不能两者都给。</translation>
    </message>
    <message>
        <source>%1 is signed in to %2: give your password (or an API key) to change its address or kind.</source>
        <translation>%1 已登录到 %2：要更改它的地址或类型，请输入密码（或 API 密钥）。</translation>
    </message>
    <message>
        <source>import chats from a server</source>
        <translation>从服务器导入对话</translation>
    </message>
    <message>
        <source>Sign in and add</source>
        <translation>登录并添加</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Asking %1 about the key…</source>
        <translation>正在向 %1 确认密钥…</translation>
    </message>
</context>
<context>
    <name>lyss::Settings</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a JSON value</source>
        <translation>JSON 值</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>未知设置“%1”。你是指“%2”吗？</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation>未知设置“%1”。已知的设置：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2.</source>
        <translation>“%1”必须是%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of: %2.</source>
        <translation>“%1”必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at least %2.</source>
        <translation>“%1”至少为 %2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not valid JSON (%2). &quot;%3&quot; must be %4.</source>
        <translation>“%1”不是有效的 JSON（%2）。“%3”必须是%4。</translation>
    </message>
</context>
<context>
    <name>lyss::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>管理账户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>manage filters</source>
        <translation>管理过滤器</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>lyss::ShortcutsHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Enter: send · Shift+Enter: new line
Esc: stop the reply
Ctrl+N: new chat
Ctrl+K: search chats
Ctrl+Shift+S: show or hide the chat list
Ctrl+Shift+C: copy the last reply
Ctrl+,: settings
Ctrl+F: find in this chat (Enter: next, Shift+Enter: previous)
In the conversation: Home and End for the first and the latest message, Page Up and Page Down, Up and Down between messages, Shift+F10 or the Menu key for a message&apos;s menu
Ctrl+Shift+L: next theme (light, dark, OLED dark, system)
F1 or Ctrl+/: this list</source>
        <translation>Enter：发送 · Shift+Enter：换行
Esc：停止回复
Ctrl+N：新对话
Ctrl+K：搜索对话
Ctrl+Shift+S：显示或隐藏对话列表
Ctrl+Shift+C：复制最后一条回复
Ctrl+,：设置
Ctrl+F：在此对话中查找（Enter：下一个，Shift+Enter：上一个）
在对话中：Home 和 End 跳到第一条和最新的消息，Page Up 和 Page Down 翻页，上下方向键在消息间移动，Shift+F10 或菜单键打开消息菜单
Ctrl+Shift+L：下一个主题（浅色、深色、OLED 深色、跟随系统）
F1 或 Ctrl+/：此列表</translation>
    </message>
</context>
<context>
    <name>lyss::SignInDialog</name>
    <message>
        <source>Sign in to Lyss</source>
        <translation>登录 Lyss</translation>
    </message>
    <message>
        <source>Who is there?</source>
        <translation>是谁在使用？</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The account %1 is made and waits for an admin&apos;s approval.</source>
        <translation>账户 %1 已创建，正在等待管理员批准。</translation>
    </message>
    <message>
        <source>The account %1 is made: sign in with it.</source>
        <translation>账户 %1 已创建：请用它登录。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stay signed in</source>
        <translation>保持登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>创建账户(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>设置你的密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Save and sign in</source>
        <translation>保存并登录</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>返回登录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>An admin set a password for %1. Choose your own to go on: at least %2 characters.</source>
        <translation>管理员为 %1 设置了密码。请设置你自己的密码以继续：至少 %2 个字符。</translation>
    </message>
    <message>
        <source>The account %1 is made but an admin has not let it in yet. Once they have, sign in again; until then Lyss shows nothing here.</source>
        <translation>账户 %1 已创建，但管理员尚未批准。批准后请重新登录；在此之前 Lyss 不会显示任何内容。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Cannot sign in</source>
        <translation>无法登录</translation>
    </message>
</context>
<context>
    <name>lyss::SocketIoClient</name>
    <message>
        <source>the server did not complete the connection within %1 s</source>
        <translation>服务器没有在 %1 秒内完成连接</translation>
    </message>
    <message>
        <source>the server stopped answering (ping timeout)</source>
        <translation>服务器停止了应答（ping 超时）</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>第 %1 次尝试，共 %2 次</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>the server refused the connection (%1): sign in again</source>
        <translation>服务器拒绝了连接（%1）：请重新登录</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>the server disconnected this client twice within a minute; it may not want it connected</source>
        <translation>服务器在一分钟内两次断开了此客户端；它可能不希望它连接</translation>
    </message>
    <message>
        <source>the server disconnected; connecting again</source>
        <translation>服务器断开了连接；正在重新连接</translation>
    </message>
    <message numerus="yes">
        <source>%1; gave up after %n attempt(s) (Retry to try again)</source>
        <translation>
            <numerusform>%1；尝试 %n 次后已放弃（点“重试”再试一次）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1；%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>lyss::StatementCache</name>
    <message>
        <source>Preparing a query</source>
        <translation>正在准备查询</translation>
    </message>
</context>
<context>
    <name>lyss::ThemeManager</name>
    <message>
        <source>The theme %1 is not used: a theme named &quot;%2&quot; exists already.</source>
        <translation>没有使用主题 %1：已存在名为“%2”的主题。</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>OLED dark</source>
        <translation>OLED 深色</translation>
    </message>
    <message>
        <source>There is no theme named &quot;%1&quot; (ui.theme); Lyss uses the light theme.</source>
        <translation>没有名为“%1”的主题（ui.theme）；Lyss 使用浅色主题。</translation>
    </message>
</context>
<context>
    <name>lyss::UndoBar</name>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>lyss::UnsavedReplies</name>
    <message>
        <source>Retry saving</source>
        <translation>重试保存</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) could not be saved: %1</source>
        <translation>
            <numerusform>有 %n 条回复无法保存：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>What you see is kept in memory, and Lyss tries again every few seconds; free some space, then press Retry saving.</source>
        <translation>你看到的内容保留在内存中，Lyss 每隔几秒会再次尝试；请释放一些空间，然后点击“重试保存”。</translation>
    </message>
</context>
<context>
    <name>lyss::ValvesForm</name>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
</context>
<context>
    <name>lyss::WebSocketTransport</name>
    <message>
        <source>the connection closed</source>
        <translation>连接已关闭</translation>
    </message>
</context>
<context>
    <name>lyss::WelcomePage</name>
    <message>
        <source>Lyss</source>
        <translation>Lyss</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ask anything. Your chats stay on this computer.</source>
        <translation>尽管问吧。你的对话只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>No model server answers</source>
        <translation>没有模型服务器应答</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>No server is set up yet.</source>
        <translation>尚未设置任何服务器。</translation>
    </message>
    <message>
        <source>Lyss asked %1.</source>
        <translation>Lyss 询问了 %1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Start Ollama on this computer</source>
        <translation>在这台电脑上启动 Ollama</translation>
    </message>
    <message>
        <source>Install it from ollama.com, then run this in a terminal. Lyss finds it by itself within a few seconds.</source>
        <translation>从 ollama.com 安装它，然后在终端中运行此命令。Lyss 会在几秒钟内自动找到它。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Or add a server</source>
        <translation>或者添加一个服务器</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Key (if it needs one)</source>
        <translation>密钥（如需要）</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Server key</source>
        <translation>服务器密钥</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>The server answers, but has no models yet. Download one here.</source>
        <translation>服务器有应答，但还没有模型。在这里下载一个。</translation>
    </message>
</context>
<context>
    <name>lyss::WholeTextViewer</name>
    <message numerus="yes">
        <source>The whole message (%n character(s))</source>
        <translation>
            <numerusform>完整消息（%n 个字符）</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
</context>
<context>
    <name>lyss::sql</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the database cannot be written (the file, its folder or the disk is read-only)</source>
        <translation>无法写入数据库（文件、其所在文件夹或磁盘为只读）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>the disk could not be read or written (I/O error)</source>
        <translation>无法读写磁盘（I/O 错误）</translation>
    </message>
    <message>
        <source>the file cannot be opened (does the folder exist, and may you write to it?)</source>
        <translation>无法打开文件（文件夹是否存在？你是否有写入权限？）</translation>
    </message>
    <message>
        <source>%1 (SQLite: %2)</source>
        <translation>%1（SQLite：%2）</translation>
    </message>
    <message>
        <source>the database file is damaged; Lyss stops writing to it. Copy it somewhere safe, see what lyss-cli db check says, and put a backup back with lyss-cli restore FILE (Lyss keeps copies beside it: lyss.db.bak-v&lt;N&gt;, lyss.db.before-restore-&lt;N&gt;)</source>
        <translation>数据库文件已损坏；Lyss 停止写入它。请把它复制到安全的地方，查看 lyss-cli db check 的结果，并用 lyss-cli restore FILE 放回一个备份（Lyss 在它旁边保留了副本：lyss.db.bak-v&lt;N&gt;、lyss.db.before-restore-&lt;N&gt;）</translation>
    </message>
    <message>
        <source>Lyss stopped writing to the database when SQLite found it damaged. Copy it somewhere safe, see what lyss-cli db check says, and put a backup back with lyss-cli restore FILE</source>
        <translation>SQLite 发现数据库损坏后，Lyss 已停止写入它。请把它复制到安全的地方，查看 lyss-cli db check 的结果，并用 lyss-cli restore FILE 放回一个备份</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Where Lyss keeps its data.</source>
        <translation>Lyss 保存数据的位置。</translation>
    </message>
    <message>
        <source>Quit once the window has painted.</source>
        <translation>窗口绘制完成后退出。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE, then quit.</source>
        <translation>把窗口截图保存到 FILE，然后退出。</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation>窗口大小，例如 1280x800。</translation>
    </message>
    <message>
        <source>Lyss cannot start</source>
        <translation>Lyss 无法启动</translation>
    </message>
    <message>
        <source>The backup is restored, but Lyss could not start again: start it yourself.</source>
        <translation>备份已恢复，但 Lyss 无法自行重新启动：请手动启动它。</translation>
    </message>
</context>
</TS>
