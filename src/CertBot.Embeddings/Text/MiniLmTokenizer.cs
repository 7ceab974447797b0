using Microsoft.ML.Tokenizers;

namespace CertBot.Embeddings.Text;

/// <summary>The model's WordPiece tokenizer: uncased, accent-free, [CLS] … [SEP], cut to a token budget.</summary>
internal sealed class MiniLmTokenizer
{
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxTokens;

    private MiniLmTokenizer(BertTokenizer tokenizer, int maxTokens)
    {
        _tokenizer = tokenizer;
        _maxTokens = maxTokens;
    }

    /// <summary>Id of the unknown-word token, which a well-tokenized input should rarely contain.</summary>
    public int UnknownTokenId => _tokenizer.UnknownTokenId;

    /// <summary>Id of the padding token, used to fill shorter inputs of a batch.</summary>
    public int PaddingTokenId => _tokenizer.PaddingTokenId;

    /// <summary>Reads a BERT vocabulary (one token a line) and prepares the tokenizer.</summary>
    public static MiniLmTokenizer Create(Stream vocabulary, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = true,
            // The library's own accent removal relies on string.Normalize, a no-op under invariant globalization;
            // AccentFolding does it instead, identically in every globalization mode.
            RemoveNonSpacingMarks = false,
        };
        return new MiniLmTokenizer(BertTokenizer.Create(vocabulary, options), maxTokens);
    }

    /// <summary>Token ids of the text with [CLS] first and [SEP] last, at most the token budget long.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.EncodeToIds(
            AccentFolding.Fold(text),
            _maxTokens,
            addSpecialTokens: true,
            out _,
            out _,
            considerPreTokenization: true,
            considerNormalization: true);
    }
}
