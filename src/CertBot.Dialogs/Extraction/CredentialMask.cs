using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds credential names and exam codes, which name roles, clouds and numbers that are not about the person.</summary>
internal sealed class CredentialMask
{
    // Indexed by first word: every message is masked, and scanning each name at every word was most of the cost.
    private readonly PhraseIndex _names;
    private readonly HashSet<string> _codePrefixes;

    public CredentialMask(CredentialVocabulary vocabulary)
    {
        _names = new PhraseIndex(vocabulary.Names.Select(n => new PhraseMatcher(n)));
        _codePrefixes = new HashSet<string>(vocabulary.CodePrefixes.SelectMany(p => Utterance.Parse(p).Tokens), StringComparer.Ordinal);
        Words = new HashSet<string>(vocabulary.Words.SelectMany(w => Utterance.Parse(w).Tokens), StringComparer.Ordinal);
    }

    /// <summary>Words that turn a title or cloud right before them into a credential ("AWS exam").</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>True for each token inside a credential name or exam code.</summary>
    public bool[] Find(Utterance utterance)
    {
        var tokens = utterance.Tokens;
        var masked = new bool[tokens.Count];
        foreach (var (name, start) in _names.FindAll(tokens))
        {
            masked.AsSpan(start, _names.Phrases[name].Length).Fill(true);
        }

        // An exam code is letters then digits ("dp 100", "c 01"); two digits at least, so "AI 5 years" is not one.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (_codePrefixes.Contains(tokens[i]) && tokens[i + 1].Length >= 2 && tokens[i + 1].All(char.IsDigit))
            {
                masked[i] = true;
                masked[i + 1] = true;
                // "mla c01": the letters before the code letter belong to it.
                if (i > 0 && _codePrefixes.Contains(tokens[i - 1]))
                {
                    masked[i - 1] = true;
                }
            }
        }

        return masked;
    }
}
