namespace CertBot.Cards.Testing;

/// <summary>One thing wrong with a card: where (a JSON path such as <c>$.body[2].url</c>) and what.</summary>
public sealed record CardProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path + ": " + Message;
}
