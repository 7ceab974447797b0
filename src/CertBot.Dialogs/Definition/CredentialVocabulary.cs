namespace CertBot.Dialogs.Definition;

/// <summary>Credential and exam names masked before reading facts, so "the Azure Data Scientist Associate" names no role or cloud.</summary>
/// <param name="Names">Credential names ("ai practitioner", "professional machine learning engineer").</param>
/// <param name="CodePrefixes">Letters that open an exam code ("ai" in AI-103, "c" in MLA-C01); followed by a number they are masked with it.</param>
/// <param name="Words">Words that make a preceding cloud or title part of a credential ("AWS exam", "data scientist cert").</param>
public sealed record CredentialVocabulary(IReadOnlyList<string> Names, IReadOnlyList<string> CodePrefixes, IReadOnlyList<string> Words)
{
    /// <summary>Nothing to mask.</summary>
    public static CredentialVocabulary None { get; } = new([], [], []);
}
