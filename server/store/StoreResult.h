#pragma once

#include "common/Result.h"
#include "store/StoreTypes.h"

namespace ApiAccess::Server {

struct Nothing
{
};

// What every store method answers: the value, or a StoreError (NotFound,
// AlreadyExists, RevisionMismatch, InvalidCursor, Unavailable).
template<typename T>
using StoreResult = Result<T, StoreError>;

} // namespace ApiAccess::Server
