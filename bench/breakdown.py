#!/usr/bin/env python3
"""Where a request's CPU time goes, from async-profiler's collapsed stacks of one wrk run per variant.

Usage: breakdown.py LABEL=collapsed.txt:cpu_us_per_request ...
Prints a Markdown table: for each part of the request path, the microseconds of CPU per request
spent under it (its share of the samples times the measured CPU per request).
"""
import sys

# (row, frames that count for it); a sample counts once per row if any frame matches.
PARTS = [
    ("Latchkey's module, in all", ["io/latchkey/sso/BearerTokenAuthModule.validateRequest"]),
    ("- reading the header", ["io/latchkey/sso/BearerTokenAuthModule.token"]),
    ("- verifier: SHA-256, cache and revocation look-ups", ["io/latchkey/ssohost/internal/SsoBearerVerifier.verify"]),
    ("- Payara's handling of the caller and group callbacks",
     ["com/sun/enterprise/security/jaspic/callback/BaseContainerCallbackHandler.handle"]),
    ("Payara's Jakarta Authentication, Latchkey's module included", ["com/sun/web/security/realmadapter/JaspicRealm.validateRequest"]),
    ("Payara's JACC checks (user data, resource)", ["com/sun/web/security/RealmAdapter.hasUserDataPermission",
                                                   "com/sun/web/security/RealmAdapter.hasResourcePermission"]),
    ("Grizzly's HTTP header parsing", ["org/glassfish/grizzly/http/HttpCodecFilter.parseHeadersFromBytes"]),
    ("the servlet", ["io/latchkey/bench/legacy/HelloServlet.doGet"]),
    ("socket reads (system calls)", ["sun/nio/ch/IOUtil.read"]),
    ("socket writes (system calls)", ["sun/nio/ch/IOUtil.write"]),
    ("Grizzly's selector (epoll, dispatch)", ["org/glassfish/grizzly/nio/SelectorRunner.doSelect"]),
]


def shares(path):
    total = 0
    counts = [0] * len(PARTS)
    with open(path) as lines:
        for line in lines:
            stack, samples = line.rsplit(" ", 1)
            samples = int(samples)
            total += samples
            for i, (_, frames) in enumerate(PARTS):
                if any(frame in stack for frame in frames):
                    counts[i] += samples
    return [c / total for c in counts] if total else counts


def main(args):
    columns = []
    for arg in args:
        label, rest = arg.split("=", 1)
        path, cpu = rest.rsplit(":", 1)
        columns.append((label, shares(path), float(cpu)))
    print("| µs of CPU per request | " + " | ".join(label for label, _, _ in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    print("| whole request (Payara's process, from /proc) | " + " | ".join(f"{cpu:.1f}" for _, _, cpu in columns) + " |")
    for i, (row, _) in enumerate(PARTS):
        print(f"| {row} | " + " | ".join(f"{share[i] * cpu:.2f}" for _, share, cpu in columns) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
