using System.Reflection;
using CertBot.Cli;
using CertBot.Tools;

namespace CertBot.Tests.Cli;

/// <summary>
/// Tools and test support stay out of the runtime assemblies: the card inspector lives in tests/CertBot.Cards.Testing,
/// the CLI verbs, the evaluation harnesses and the packaging in CertBot.Tools, which only the host's thin entry calls.
/// </summary>
public sealed class RuntimeAssembliesTests
{
    private const string ToolAssembly = "CertBot.Tools";

    private static readonly string[] MovedNamespaces = ["CertBot.Tools", "CertBot.Cards.Testing", "CertBot.Packaging", "CertBot.Cli.Evaluation", "CertBot.Cards.Inspection"];

    // The runtime: the host and every CertBot assembly it references, directly or not, except the tool assembly.
    private static readonly Lazy<IReadOnlyList<Assembly>> Runtime = new(() => RuntimeClosure(typeof(CommandLine).Assembly));

    public static TheoryData<string> MovedAssemblies => [typeof(CardInspector).Assembly.GetName().Name!, ToolAssembly];

    [Fact]
    public void Runtime_IsTheHostAndEveryLibrary()
    {
        var names = Runtime.Value.Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);

        // So the checks below cannot pass by walking nothing.
        Assert.Superset(
            new HashSet<string?>(StringComparer.Ordinal) { "CertBot", "CertBot.Cards", "CertBot.Knowledge", "CertBot.Dialogs", "CertBot.Protocol", "CertBot.Text", "CertBot.Embeddings", "CertBot.Storage.Sqlite", "CertBot.Storage.AzureBlob" },
            names);
        Assert.DoesNotContain(ToolAssembly, names);
    }

    [Theory]
    [MemberData(nameof(MovedAssemblies))]
    public void Runtime_HoldsNoTypeOfAMovedAssembly(string moved)
    {
        var movedNames = CertBotTypes(Assembly.Load(moved)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(movedNames);

        var found = Runtime.Value.SelectMany(CertBotTypes).Where(t => movedNames.Contains(t.Name)).Select(t => t.FullName).ToList();

        Assert.True(found.Count == 0, $"in the runtime assemblies: {string.Join(", ", found)}");
    }

    [Fact]
    public void Runtime_HasNoTypeInAMovedNamespace()
    {
        var found = Runtime.Value.SelectMany(CertBotTypes)
            .Where(t => MovedNamespaces.Any(ns => t.Namespace == ns || t.Namespace!.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(found.Count == 0, $"in the runtime assemblies: {string.Join(", ", found)}");
    }

    [Fact]
    public void Runtime_OnlyTheHostReferencesTheToolsAndNothingReferencesTestSupport()
    {
        foreach (var assembly in Runtime.Value)
        {
            var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
            Assert.DoesNotContain(references, r => r.EndsWith(".Testing", StringComparison.Ordinal) || r.EndsWith(".Tests", StringComparison.Ordinal));
            if (assembly.GetName().Name != "CertBot")
            {
                Assert.DoesNotContain(ToolAssembly, references);
            }
        }
    }

    [Fact]
    public void Tools_NeverReferenceTheHost()
    {
        var references = typeof(ToolCommands).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();

        // The host passes its composition in (IBotComposition); a reference back would be a cycle.
        Assert.DoesNotContain("CertBot", references);
        Assert.Contains("CertBot.Knowledge", references);
    }

    private static List<Assembly> RuntimeClosure(Assembly host)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [host.GetName().Name!] = host };
        var pending = new Queue<Assembly>([host]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("CertBot", StringComparison.Ordinal) && name != ToolAssembly && !seen.ContainsKey(name))
                {
                    var loaded = Assembly.Load(reference);
                    seen[name] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return [.. seen.Values];
    }

    // Compiler-generated types (names with '<') and the attributes the compiler embeds in every assembly are not ours.
    private static IEnumerable<Type> CertBotTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Namespace?.StartsWith("CertBot", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal));
}
