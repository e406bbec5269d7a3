#pragma once

#include <QString>

namespace ApiAccess {

// The product version from project(VERSION ...) in the top-level CMakeLists.txt.
QString version();

// "apiaccess-studio/0.1.0" style identifier for User-Agent and Server headers.
QString productToken(const QString &program);

} // namespace ApiAccess
