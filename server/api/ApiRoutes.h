#pragma once

namespace ApiAccess::Server {

class Router;
struct ApiContext;

// Every endpoint of PRODUCT.md §6 on its path. `context` must outlive the router.
void addApiRoutes(Router &router, ApiContext &context);

} // namespace ApiAccess::Server
