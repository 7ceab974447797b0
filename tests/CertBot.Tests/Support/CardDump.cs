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

    /// <summary>
    /// Writes one card under a name that says what it shows (recommendation-swe-aws) to artifacts/card-gallery, where the
    /// end-to-end tier renders each at phone and desktop width, checks its height budget and saves named screenshots.
    /// </summary>
    public static void SaveNamed(string name, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (GalleryDirectory.Value is not { } directory)
        {
            return;
        }

        File.WriteAllText(Path.Combine(directory, name + ".json"), card.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    public static IEnumerable<JsonObject> Cards(IEnumerable<JsonObject> replies)
        => replies
            .SelectMany(reply => reply["attachments"]?.AsArray() ?? [])
            .Where(attachment => (string?)attachment?["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(attachment => attachment!["content"]!.AsObject());

    private static readonly Lazy<string?> GalleryDirectory = new(() =>
    {
        var root = Environment.GetEnvironmentVariable("CERTBOT_CARD_GALLERY_DIR")
            ?? (FindRepositoryRoot() is { } repo ? Path.Combine(repo, "artifacts", "card-gallery") : null);
        if (root is not null)
        {
            System.IO.Directory.CreateDirectory(root);
        }

        return root;
    });

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
