using CertBot.Text;

namespace CertBot.Knowledge.Model;

/// <summary>User-facing sentence templates from the knowledge file, filled by placeholder name.</summary>
public sealed class MessageTemplates
{
    private readonly IReadOnlyDictionary<string, string> _templates;

    /// <summary>Wraps the templates read from the knowledge file.</summary>
    public MessageTemplates(IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates;
    }

    /// <summary>All templates by key.</summary>
    public IReadOnlyDictionary<string, string> All => _templates;

    /// <summary>Fills the template <paramref name="key"/>; placeholders are written as {name}.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        if (!_templates.TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException($"Message template '{key}' is not in the knowledge file.");
        }

        return TemplateText.Fill(template, values);
    }
}
