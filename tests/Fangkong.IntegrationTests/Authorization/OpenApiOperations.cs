using System.Text.Json;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>One operation of the OpenAPI document: method, path template, its parameters and body kind.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, string? BodyType)
{
    /// <summary>The key of the permission table: <c>GET /api/v1/persons/{id}</c>.</summary>
    public string Key => $"{Method} {Path}";

    /// <summary>Reads every operation of an OpenAPI 3 document.</summary>
    public static IReadOnlyList<OpenApiOperation> Read(JsonElement document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var parameters = new List<OpenApiParameter>();
                if (method.Value.TryGetProperty("parameters", out var list))
                {
                    foreach (var p in list.EnumerateArray())
                    {
                        var type = p.TryGetProperty("schema", out var schema) ? TypeOf(schema) : "string";
                        parameters.Add(new OpenApiParameter(
                            p.GetProperty("name").GetString()!,
                            p.GetProperty("in").GetString()!,
                            p.TryGetProperty("required", out var required) && required.GetBoolean(),
                            type));
                    }
                }

                string? body = null;
                if (method.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    body = content.EnumerateObject().Select(c => c.Name).OrderBy(n => n.Contains("json", StringComparison.Ordinal) ? 0 : 1).First();
                }

                operations.Add(new OpenApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string"
                : type.GetString()!;
        }

        return "string";
    }
}

/// <param name="In">path, query or header.</param>
/// <param name="Type">The schema type: integer, number, string, boolean.</param>
public sealed record OpenApiParameter(string Name, string In, bool Required, string Type);
