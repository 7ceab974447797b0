using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CertBot.Tests.Support;

/// <summary>
/// Writes every Adaptive Card the transcript tests receive to artifacts/cards at the repository root, so the
/// end-to-end tier can render each one with the official adaptivecards JS renderer.
/// </summary>
public static class CardDump
{
    private static readonly Lazy<string?> Directory = new(FindDirectory);

    public static void Save(IEnumerable<JsonObject> replies)
    {
        var directory = Directory.Value;
        if (directory is null)
        {
            return;
        }

        foreach (var card in Cards(replies))
        {
            var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            // Named by content so repeated cards are written once and runs stay deterministic.
            var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16].ToLowerInvariant();
            File.WriteAllText(Path.Combine(directory, name + ".json"), json);
        }
    }

    public static IEnumerable<JsonObject> Cards(IEnumerable<JsonObject> replies)
        => replies
            .SelectMany(reply => reply["attachments"]?.AsArray() ?? [])
            .Where(attachment => (string?)attachment?["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(attachment => attachment!["content"]!.AsObject());

    private static string? FindDirectory()
    {
        var root = Environment.GetEnvironmentVariable("CERTBOT_CARDS_DIR")
            ?? (FindRepositoryRoot() is { } repo ? Path.Combine(repo, "artifacts", "cards") : null);

        if (root is null)
        {
            return null;
        }

        System.IO.Directory.CreateDirectory(root);
        return root;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertBot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
