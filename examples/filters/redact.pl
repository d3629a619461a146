#!/usr/bin/env perl
# A Lyss process filter in Perl, with nothing but Perl's core modules: it keeps e-mail
# addresses out of what is sent to the model (inlet) and out of the replies it streams back
# (stream). The protocol is docs/FILTERS.md: JSON-RPC 2.0, one message a line.
use strict;
use warnings;
use JSON::PP;

$| = 1;    # every answer leaves at once
my $json = JSON::PP->new->utf8->canonical;
my $email = qr/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

my $describe = {
    name        => 'Redact e-mail',
    description => 'Replaces e-mail addresses with [e-mail] both ways.',
    version     => '1.0',
    hooks       => [ 'inlet', 'stream' ],
    priority    => 0,
    valves      => {
        type       => 'object',
        properties => {
            mark => { type => 'string', default => '[e-mail]', description => 'What replaces an address.' },
        },
    },
};

sub mark_of { my ($params) = @_; return ($params->{valves} || {})->{mark} // '[e-mail]'; }

while (my $line = <STDIN>) {
    next unless $line =~ /\S/;
    my $request = $json->decode($line);
    my ($id, $method, $params) = @{$request}{qw(id method params)};
    my $result;
    if ($method eq 'describe') {
        $result = $describe;
    } elsif ($method eq 'inlet') {
        my $mark = mark_of($params);
        $_->{content} =~ s/$email/$mark/g for @{ $params->{body}{messages} };
        $result = $params->{body};
    } elsif ($method eq 'stream') {
        my $mark = mark_of($params);
        $_->{delta}{content} =~ s/$email/$mark/g for grep { defined $_->{delta}{content} } @{ $params->{event}{choices} };
        $result = $params->{event};
    } else {
        print $json->encode({ jsonrpc => '2.0', id => $id, error => { code => -32601, message => "no method $method" } }), "\n";
        next;
    }
    print $json->encode({ jsonrpc => '2.0', id => $id, result => $result }), "\n";
}
