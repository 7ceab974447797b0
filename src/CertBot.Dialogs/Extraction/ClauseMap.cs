namespace CertBot.Dialogs.Extraction;

/// <summary>Which clause each token belongs to: clauses end at clause punctuation and before clause break words ("but").</summary>
internal sealed class ClauseMap
{
    private readonly int[] _clauseOf;

    public ClauseMap(Utterance utterance, IReadOnlySet<string> breakWords)
    {
        _clauseOf = new int[utterance.Tokens.Count];
        var clause = 0;
        for (var i = 0; i < _clauseOf.Length; i++)
        {
            if (i > 0 && (utterance.BreakBefore[i] || breakWords.Contains(utterance.Tokens[i])))
            {
                clause++;
            }

            _clauseOf[i] = clause;
        }

        Count = _clauseOf.Length == 0 ? 0 : clause + 1;
    }

    public int Count { get; }

    public int Of(int token) => _clauseOf[token];

    public bool Same(int a, int b) => _clauseOf[a] == _clauseOf[b];

    /// <summary>First and last token of a clause.</summary>
    public (int Start, int End) Bounds(int clause)
    {
        var start = Array.IndexOf(_clauseOf, clause);
        var end = Array.LastIndexOf(_clauseOf, clause);
        return (start, end);
    }
}
