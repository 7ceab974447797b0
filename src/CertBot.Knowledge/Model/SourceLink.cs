namespace CertBot.Knowledge.Model;

/// <summary>A public page a fact was taken from; the URL is null for a source with no public address (e.g. the curated article).</summary>
public sealed record SourceLink(string Title, Uri? Url);
