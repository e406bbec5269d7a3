#include "http/HttpMessage.h"

#include "wire/Problem.h"

#include <QJsonDocument>

#include <algorithm>
#include <cctype>

namespace ApiAccess::Server {

namespace {
bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                   == std::tolower(static_cast<unsigned char>(y));
           });
}
} // namespace

std::string_view HttpRequest::header(std::string_view name) const
{
    const auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

bool HttpRequest::hasHeader(std::string_view name) const
{
    return headers.find(std::string(name)) != headers.end();
}

void HttpResponse::setHeader(std::string name, std::string value)
{
    for (auto &[existing, existingValue] : headers) {
        if (equalsIgnoringCase(existing, name)) {
            existingValue = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

std::string_view HttpResponse::header(std::string_view name) const
{
    for (const auto &[existing, value] : headers) {
        if (equalsIgnoringCase(existing, name))
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
    return response;
}

HttpResponse HttpResponse::problem(const Problem &problem)
{
    HttpResponse response = json(problem.status, problem.toJson());
    response.contentType = "application/problem+json";
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::text(int status, std::string contentType, std::string body)
{
    HttpResponse response;
    response.status = status;
    response.contentType = std::move(contentType);
    response.body = std::move(body);
    return response;
}

} // namespace ApiAccess::Server
