#include "app/ServerApp.h"

#include "api/ApiContext.h"
#include "api/ApiRoutes.h"
#include "auth/Authenticator.h"
#include "auth/SignInThrottle.h"
#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "ops/Metrics.h"
#include "ops/RequestLog.h"
#include "store/DatabaseHealth.h"
#include "store/Stores.h"
#include "verify/TokenChangeFeed.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcServer, "apiaccess.server")

namespace {

constexpr std::chrono::seconds kUsageFlushInterval{1};

int failStart(const QString &message)
{
    std::fprintf(stderr, "apiaccess-server: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int runServe(const ServeOptions &options)
{
    if (!initialiseSodium())
        return failStart(QStringLiteral("libsodium could not be initialised"));

    // Block the stop signals before any thread exists, so every thread
    // inherits the mask and only sigwait() below ever sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    // A client that goes away mid-write must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);

    auto key = MasterKey::loadOrCreate(options.dataDir, options.keyFile);
    if (!key)
        return failStart(key.error());
    const SecretVault vault(key.value());
    const QString keyFile = options.keyFile.isEmpty()
        ? QDir(options.dataDir).filePath(QStringLiteral("master.key"))
        : options.keyFile;
    auto opened = Stores::open(options.database, {vault.keyCheck(), keyFile});
    if (!opened)
        return failStart(opened.error());
    Stores &stores = opened.value();
    qCInfo(lcServer).noquote() << "database:" << options.database.describe();

    Metrics metrics;
    RequestLog requestLog;
    SignInThrottle throttle(*stores.accounts);
    int exitCode = 0;
    {
        DatabaseHealth health(options.cacheGrace);
        UsageRecorder usage(*stores.tokens, kUsageFlushInterval);
        Verifier verifier(*stores.tokens, vault, usage, health);
        // Changes other instances make reach this one's verify cache.
        TokenChangeFeed feed(*stores.database, *stores.tokens, verifier, health, {});
        feed.start();
        Authenticator authenticator(*stores.accounts, vault, verifier);
        ApiContext context{*stores.tokens, *stores.accounts, *stores.audit, vault,   verifier,
                           authenticator,  throttle,         usage,         metrics, health};

        Router router;
        addApiRoutes(router, context);
        std::vector<Metrics::Route> routes;
        for (Router::RouteLabel &label : router.routeLabels())
            routes.push_back({std::move(label.method), std::move(label.pattern)});
        metrics.setRoutes(routes);

        HttpServerOptions httpOptions = options.http;
        httpOptions.clientAddresses = ClientAddressResolver(options.trustedProxies);
        httpOptions.placement = [&router](HttpRequest &request) {
            return router.route(request);
        };
        HttpServer server(
            httpOptions, [&router](HttpRequest &request) { return router.dispatch(request); },
            [&metrics, &requestLog](const HttpRequest &request, const HttpResponse &response,
                                    std::chrono::nanoseconds duration) {
                requestLog.log(request, response, duration);
                metrics.observeRequest(request.routeId, request.method, response.status, duration);
                if (!response.verifyOutcome.empty())
                    metrics.observeVerify(response.verifyOutcome);
            });
        metrics.setOpenConnectionsProvider([&server] { return server.openConnections(); });
        metrics.setGauge("apiaccess_database_up",
                         "1 while this instance is in contact with its database, else 0.",
                         [&health] { return health.isReachable() ? 1 : 0; });
        metrics.setGauge("apiaccess_token_changes_applied_generation",
                         "The newest token change (generation) this instance's verify cache "
                         "has taken in.",
                         [&feed] { return feed.appliedGeneration(); });

        const auto url = server.start();
        if (!url) {
            exitCode = failStart(url.error());
        } else {
            // The one line a supervisor or test waits for (PRODUCT.md §6).
            std::fprintf(stdout, "listening on %s\n", qPrintable(url.value()));
            std::fflush(stdout);

            int received = 0;
            sigwait(&stopSignals, &received);
            qCInfo(lcServer) << "received" << (received == SIGTERM ? "SIGTERM" : "SIGINT")
                             << "- stopping";
            server.stop();
        }
        requestLog.stop(); // every request answered is in the log
        metrics.setOpenConnectionsProvider({});
        metrics.setGauge("apiaccess_database_up", {}, {});
        metrics.setGauge("apiaccess_token_changes_applied_generation", {}, {});
        // UsageRecorder's destructor writes the last batch of last-used times.
    }
    qCInfo(lcServer) << "stopped";
    return exitCode;
}

} // namespace ApiAccess::Server
