using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignAdmin.Contracts.Templates;

/// <summary><c>{{N}}</c> and <c>{{name}}</c> tokens; <c>&lt;accountID&gt;</c> and <c>&lt;namespace&gt;</c> are substitutions, not variables.</summary>
public static partial class Variables
{
    /// <summary>
    /// At most this many distinct variables in a send JSON (docs/WIRE.md rule 6) or a template (docs/EXTENSIONS.md T6).
    /// WhatsApp templates have a handful; the cap keeps a hostile body from costing more than a scan.
    /// </summary>
    public const int MaxDistinct = 1000;

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Token();

    /// <summary>The distinct tokens of <paramref name="text"/> in order of first appearance.</summary>
    public static IReadOnlyList<string> Distinct(string? text) => Distinct(text, int.MaxValue);

    /// <summary>
    /// The first <paramref name="max"/> distinct tokens of <paramref name="text"/> in order of first appearance, in one pass
    /// over the text (ask for one more than a limit to tell whether it is exceeded). Throws when
    /// <paramref name="cancellationToken"/> is cancelled, so an aborted request stops scanning.
    /// </summary>
    public static IReadOnlyList<string> Distinct(string? text, int max, CancellationToken cancellationToken = default)
    {
        var tokens = new TokenList();
        if (string.IsNullOrEmpty(text) || max <= 0 || !text.Contains("{{", StringComparison.Ordinal)) return tokens;
        var matches = 0;
        foreach (var match in Token().EnumerateMatches(text))
        {
            if (++matches % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            // The match is {{ name }}: the name is what is left inside the braces once white space is trimmed.
            if (tokens.TryAdd(text.AsSpan(match.Index + 2, match.Length - 4).Trim()) && tokens.Count == max) break;
        }
        return tokens;
    }

    public static int CountDistinct(string? text) => Distinct(text).Count;

    /// <summary>The number of distinct tokens, counting no further than <paramref name="max"/>.</summary>
    public static int CountDistinct(string? text, int max, CancellationToken cancellationToken = default) =>
        Distinct(text, max, cancellationToken).Count;

    /// <summary>
    /// Which param a token takes: <c>{{N}}</c> takes <c>Params[N-1]</c>; a named token takes the param at its
    /// position among the distinct tokens.
    /// </summary>
    public static int ParamIndex(string token, IReadOnlyList<string> distinctTokens) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number - 1 : IndexOf(distinctTokens, token);

    /// <summary>Fills each token with its param as plain text (for previews); a missing param leaves the token.</summary>
    public static string Fill(string? text, IReadOnlyList<string> values)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var distinct = Distinct(text);
        return Token().Replace(text, match =>
        {
            var index = ParamIndex(match.Groups[1].Value, distinct);
            return index >= 0 && index < values.Count && values[index].Length > 0 ? values[index] : match.Value;
        });
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        // Distinct's own list answers in constant time: a payload with many tokens is not scanned once per token.
        if (list is TokenList tokens) return tokens.IndexOf(value);
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Distinct tokens in order, with their positions: adding and finding one costs the same however many there are.</summary>
    private sealed class TokenList : IReadOnlyList<string>
    {
        private readonly List<string> _tokens = [];
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

        public int Count => _tokens.Count;

        public string this[int index] => _tokens[index];

        /// <summary>Adds the token unless it is already there; a repeated token allocates nothing.</summary>
        public bool TryAdd(ReadOnlySpan<char> token)
        {
            var lookup = _positions.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.ContainsKey(token)) return false;
            var name = token.ToString();
            _positions.Add(name, _tokens.Count);
            _tokens.Add(name);
            return true;
        }

        public int IndexOf(string token) => _positions.GetValueOrDefault(token, -1);

        public IEnumerator<string> GetEnumerator() => _tokens.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
