using System.Text;

namespace CampaignAdmin.ServiceDefaults.Logging;

/// <summary>
/// Finds query strings in text (a URL, a bare <c>?a=b</c>, a request line) and replaces the values of secret-looking parameters
/// with <see cref="Redacted"/>: a secret name (<c>X-API-Key</c>, <c>key</c>, <c>apikey</c>, <c>token</c>, <c>access_token</c>,
/// <c>password</c>, …, in any case, with or without <c>-</c>/<c>_</c>), a value that looks like a key (ours start <c>ca_</c>;
/// any run of 32+ letters and digits), or a value that is itself a URL with such a parameter (a sign-in page's return URL).
/// </summary>
public static class QueryRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "key", "apikey", "xapikey", "token", "accesstoken", "refreshtoken", "idtoken", "code", "password", "passwd", "pwd",
        "secret", "clientsecret", "sig", "signature", "auth", "authorization", "credential", "credentials", "session", "sessionid",
    };

    private static readonly string[] SecretParts = ["token", "secret", "password", "apikey", "accesskey", "privatekey", "credential"];

    /// <summary><paramref name="text"/> with secrets in its query strings redacted; the same instance when there were none.</summary>
    public static string Redact(string text) => Redact(text, depth: 0);

    private static string Redact(string text, int depth)
    {
        var question = text.IndexOf('?', StringComparison.Ordinal);
        if (question < 0) return text;
        StringBuilder? builder = null;
        var copied = 0;
        var position = question + 1;
        while (position <= text.Length)
        {
            // One name=value pair: up to '&', or to where the query ends (white space, a quote, a bracket, '#').
            var end = position;
            while (end < text.Length && text[end] != '&' && !EndsQuery(text[end])) end++;
            var equals = text.IndexOf('=', position, end - position);
            if (equals > position && equals + 1 < end
                && IsSecret(text.AsSpan(position, equals - position), text.AsSpan(equals + 1, end - equals - 1), depth))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, equals + 1 - copied).Append(Redacted);
                copied = end;
            }
            if (end < text.Length && text[end] == '&')
            {
                position = end + 1;
                continue;
            }
            var next = end < text.Length ? text.IndexOf('?', end) : -1;
            if (next < 0) break;
            position = next + 1;
        }
        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool EndsQuery(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '`' or '<' or '>' or '#' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '\\';

    private static bool IsSecret(ReadOnlySpan<char> name, ReadOnlySpan<char> value, int depth)
    {
        var normalized = Normalize(Uri.UnescapeDataString(name.ToString()));
        if (SecretNames.Contains(normalized) || SecretParts.Any(part => normalized.Contains(part, StringComparison.Ordinal))) return true;
        var decoded = Uri.UnescapeDataString(value.ToString());
        if (LooksLikeKey(decoded)) return true;
        return depth < 2 && decoded.Contains('?', StringComparison.Ordinal) && !ReferenceEquals(Redact(decoded, depth + 1), decoded);
    }

    /// <summary>Lower case, without the separators people put in names: <c>X-API-Key</c> and <c>x_api_key</c> are <c>xapikey</c>.</summary>
    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not ('-' or '_' or '.' or ' ')) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>Our keys (<c>ca_…</c>), or any run of 32 or more letters, digits, <c>-</c> and <c>_</c> with a digit in it.</summary>
    private static bool LooksLikeKey(string value)
    {
        var start = 0;
        while (start < value.Length)
        {
            var end = start;
            var digits = false;
            while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] is '-' or '_'))
            {
                digits |= char.IsAsciiDigit(value[end]);
                end++;
            }
            var run = value.AsSpan(start, end - start);
            if ((run.StartsWith("ca_", StringComparison.Ordinal) && run.Length >= 12) || (run.Length >= 32 && digits)) return true;
            start = end + 1;
        }
        return false;
    }
}
