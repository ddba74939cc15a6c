#!/usr/bin/env python3
"""Where a request's CPU time goes, from async-profiler's collapsed stacks of one wrk run per variant.

Usage: breakdown.py [--refresh] LABEL=collapsed.txt:cpu_us_per_request ...
Prints a Markdown table: for each part of the request path, the microseconds of CPU per request
spent under it (its share of the samples times the measured CPU per request). --refresh uses the
parts of a refresh grant (bench/side-by-side.sh with BENCH_PROFILE=1) instead of the single sign-on
path's.
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

# The refresh grant, POST /auth/api/token/refresh. Rows overlap (a part and its pieces).
REFRESH_PARTS = [
    ("the resource method, in all (JAX-RS to the service and back)", ["io/latchkey/web/api/SessionsResource.refresh"]),
    ("- the EJB call: container, interceptors, transaction begin and commit, the service",
     ["com/sun/ejb/containers/EJBLocalObjectInvocationHandler.invoke"]),
    ("- - the service's own work (TokenService.refresh)", ["io/latchkey/token/TokenService.refresh",
                                                         "io/latchkey/session/SessionService.refresh"]),
    ("- - - JWT: claims, header, signature, serialization", ["io/latchkey/token/internal/JwtIssuer.sign",
                                                           "io/latchkey/signing/internal/JwtIssuer.sign",
                                                           "io/latchkey/signing/JwtIssuer.sign"]),
    ("- - - - the RS256 signature itself", ["com/nimbusds/jose/crypto/RSASSASigner.sign"]),
    ("- - - statements through EclipseLink (queries, bulk update, lazy loads)",
     ["org/eclipse/persistence/internal/jpa/QueryImpl", "org/eclipse/persistence/internal/jpa/EntityManagerImpl.find",
      "_persistence_get_"]),
    ("- - - calls to other beans through the container (accounts, the signing key ring)",
     ["io/latchkey/account/AccountService$Proxy", "SigningKeyService$Proxy"]),
    ("- - transaction commit (JTA, flush of the new token, JDBC commit)",
     ["com/sun/enterprise/transaction/JavaEETransactionManagerSimplified.commit",
      "com/sun/enterprise/transaction/JavaEETransactionImpl.commit"]),
    ("EclipseLink, anywhere (queries, unit of work, flush)", ["org/eclipse/persistence/"]),
    ("JDBC driver and pool, anywhere", ["org/h2/", "org/postgresql/", "com/sun/gjc/", "com/sun/enterprise/resource/"]),
    ("CDI events (revocation broadcast)", ["org/jboss/weld/event/"]),
    ("the audit trail", ["io/latchkey/audit/"]),
    ("reading the request body (io.latchkey.web.api.JsonBodyReader)", ["io/latchkey/web/api/JsonBodyReader.readFrom"]),
    ("- looking the JSON-P provider up", ["jakarta/json/spi/JsonProvider.provider"]),
    ("JSON-B (request and response bodies)", ["org/eclipse/yasson/"]),
    ("Jersey, in all (the resource method included)", ["org/glassfish/jersey/server/ServerRuntime$1.run"]),
    ("Grizzly's HTTP header parsing", ["org/glassfish/grizzly/http/HttpCodecFilter.parseHeadersFromBytes"]),
    ("socket reads and writes (system calls)", ["sun/nio/ch/IOUtil.read", "sun/nio/ch/IOUtil.write",
                                                "sun/nio/ch/SocketDispatcher"]),
    ("garbage collection (G1 threads)", ["G1", "GCTaskThread", "GangWorker"]),
    ("JIT compilers", ["CompileBroker", "C2Compiler", "Compiler::"]),
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
    global PARTS
    if args and args[0] == "--refresh":
        PARTS, args = REFRESH_PARTS, args[1:]
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
