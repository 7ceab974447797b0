using System.Text;

namespace CertBot.Conversation;

/// <summary>Fills <c>{name}</c> placeholders in wording from dialogs/messages.yaml.</summary>
public static class MessageTemplate
{
    public static string Fill(string template, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", value);
        }

        return builder.ToString();
    }
}
