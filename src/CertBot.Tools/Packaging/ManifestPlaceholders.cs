using System.Text.Json;

namespace CertBot.Tools.Packaging;

/// <summary>
/// What the package command tells the operator about the manifest: which fields it filled with the ids, and which
/// URLs still point at a reserved example domain (RFC 2606), which Teams would show to users.
/// </summary>
public static class ManifestPlaceholders
{
    private static readonly string[] ExampleDomains = ["example.com", "example.net", "example.org"];

    /// <summary>Every string field of the template that holds <paramref name="placeholder"/>, as a JSON path (e.g. <c>bots[0].botId</c>).</summary>
    public static IReadOnlyList<string> FieldsHolding(JsonElement template, string placeholder)
    {
        var fields = new List<string>();
        Walk(template, "", (path, value) =>
        {
            if (value.Contains(placeholder, StringComparison.Ordinal))
            {
                fields.Add(path);
            }
        });
        return fields;
    }

    /// <summary>Every http(s) URL on an example domain, with its JSON path.</summary>
    public static IReadOnlyList<ManifestField> ExampleUrls(JsonElement manifest)
    {
        var urls = new List<ManifestField>();
        Walk(manifest, "", (path, value) =>
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && ExampleDomains.Any(domain => uri.Host.Equals(domain, StringComparison.OrdinalIgnoreCase)
                                                || uri.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)))
            {
                urls.Add(new ManifestField(path, value));
            }
        });
        return urls;
    }

    private static void Walk(JsonElement element, string path, Action<string, string> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", visit);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", visit);
                }

                break;
            case JsonValueKind.String:
                visit(path, element.GetString()!);
                break;
        }
    }
}

/// <summary>One manifest field: its JSON path and value.</summary>
public sealed record ManifestField(string Path, string Value);
