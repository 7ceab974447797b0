namespace CertBot.Text;

/// <summary>
/// The per-locale files of one catalogue in a folder, named <c>{catalogue}.{locale}.yaml</c>
/// (<c>messages.en.yaml</c>, <c>profile.dialog.fr.yaml</c>): adding a language is adding files.
/// </summary>
public sealed class CatalogueFiles
{
    private readonly Dictionary<string, string> _paths;

    private CatalogueFiles(string folder, string catalogue, Dictionary<string, string> paths)
    {
        Folder = folder;
        Catalogue = catalogue;
        _paths = paths;
        Locales = new HashSet<string>(paths.Keys, StringComparer.Ordinal);
    }

    public string Folder { get; }

    public string Catalogue { get; }

    /// <summary>The locales with a file, as lower-case tags.</summary>
    public IReadOnlySet<string> Locales { get; }

    /// <summary>Finds the files of <paramref name="catalogue"/> in <paramref name="folder"/>; the English one must exist.</summary>
    public static CatalogueFiles Find(string folder, string catalogue)
    {
        var paths = Discover(folder, catalogue);
        if (!paths.ContainsKey(CatalogueLocale.Default))
        {
            throw new FileNotFoundException(
                $"{Path.Combine(folder, $"{catalogue}.{CatalogueLocale.Default}.yaml")}: the English catalogue is missing; every other language falls back to it.",
                Path.Combine(folder, $"{catalogue}.{CatalogueLocale.Default}.yaml"));
        }

        return new CatalogueFiles(folder, catalogue, paths);
    }

    /// <summary>
    /// The <c>{catalogue}.{locale}.yaml</c> files in <paramref name="folder"/> by lower-case locale tag, English or not;
    /// for catalogues whose English may live elsewhere (the knowledge's English text may sit in its facts file).
    /// </summary>
    public static Dictionary<string, string> Discover(string folder, string catalogue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(catalogue);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            var prefix = catalogue + ".";
            foreach (var path in Directory.EnumerateFiles(folder, prefix + "*.yaml"))
            {
                var name = Path.GetFileName(path);
                var middle = name[prefix.Length..^".yaml".Length];
                if (CatalogueLocale.Normalize(middle) is { } locale && !middle.Contains('.', StringComparison.Ordinal))
                {
                    paths[locale] = path;
                }
            }
        }

        return paths;
    }

    /// <summary>The file of one locale.</summary>
    public string PathOf(string locale) => _paths[locale];

    /// <summary>The files that make up <paramref name="locale"/>'s catalogue, English first (see <see cref="CatalogueLocale.Layers"/>).</summary>
    public IReadOnlyList<string> LayersOf(string locale) => [.. CatalogueLocale.Layers(locale, Locales).Select(PathOf)];
}
