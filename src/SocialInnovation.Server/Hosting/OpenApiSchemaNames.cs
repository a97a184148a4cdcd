using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// The OpenAPI document names a wire type's schema by its short type name, and the web app's types are
/// generated from those names. Two wire types with one short name (a judging <c>Criterion</c> and a
/// selection <c>Criterion</c>) would share one schema and one silently replace the other in the document;
/// this refuses the document instead, naming both types, so the clash is fixed where it is made.
/// </summary>
internal static class OpenApiSchemaNames
{
    public static void RefuseClashes(OpenApiOptions options)
    {
        var named = new ConcurrentDictionary<string, Type>();
        options.CreateSchemaReferenceId = info =>
        {
            var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            if (name is null) return null;
            // A nullable value type is the same schema as the value type (it is marked nullable where used).
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            var owner = named.GetOrAdd(name, type);
            if (owner != type)
                throw new InvalidOperationException(
                    $"Two wire types would share the OpenAPI schema name '{name}': {owner.FullName} and {type.FullName}. Rename one of them.");
            return name;
        };
    }
}
