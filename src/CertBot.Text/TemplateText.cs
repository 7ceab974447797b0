using System.Text;

namespace CertBot.Text;

/// <summary>
/// Fills <c>{name}</c> placeholders in wording from the dialogs/ catalogues, in one pass: a value that itself looks
/// like a placeholder (a display name "{name}") is written as it is, never filled again. Unknown placeholders stay.
/// </summary>
public static class TemplateText
{
    public static string Fill(string template, params ReadOnlySpan<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (values.IsEmpty || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var (key, value) in values)
            {
                if (name.SequenceEqual(key))
                {
                    text.Append(value);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                text.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return text.ToString();
    }
}
