// JSON Schemas for the OpenAPI document: the registry kinds' views (from the same field specs
// that validate their bodies) as named components, and small builders for the answers that
// are not registry objects. Routes use these for their answers (`Json(schema)`, route.h); a
// bare {"type": "object"} is refused by the OpenAPI test.
#pragma once

#include <boost/json/object.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace accord::http::schema {

using boost::json::object;

object String();
object Text(std::string_view description);
object Time();  // RFC 3339
object Int();
object Number();
object Bool();
object Enum(std::initializer_list<std::string_view> values);
object ArrayOf(object items);
object Nullable(object s);
// Exactly one of `alternatives`.
object OneOf(std::initializer_list<object> alternatives);
// Free-form JSON object (a gate decision, a kind-specific payload) with a description.
object AnyObject(std::string_view description);

// An object whose listed properties are all present (`required`).
object Object(std::initializer_list<std::pair<std::string_view, object>> properties);
// The same, plus properties that may be absent.
object Object(std::initializer_list<std::pair<std::string_view, object>> required,
              std::initializer_list<std::pair<std::string_view, object>> optional);

// {"$ref": "#/components/schemas/<name>"}.
object Ref(std::string_view name);
// The component name of a registry kind's view: "change_notice" -> "ChangeNotice".
std::string KindComponent(std::string_view kind);
// Ref(KindComponent(kind)).
object KindRef(std::string_view kind);
// A page of a list: {"items": [item], "next_cursor": string|null}.
object Page(object item);
// {"id", "deleted": true, "ledger_index"}.
object Deleted();
// Who did something: {"id", "role", "name"?, "email"?}.
object ActorRef();

// Every named schema: each registry kind's view, plus Error and the shared shapes.
object Components();

}  // namespace accord::http::schema
