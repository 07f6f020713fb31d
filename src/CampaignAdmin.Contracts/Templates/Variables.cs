using System.Text.RegularExpressions;

namespace CampaignAdmin.Contracts.Templates;

/// <summary><c>{{N}}</c> and <c>{{name}}</c> tokens; <c>&lt;accountID&gt;</c> and <c>&lt;namespace&gt;</c> are substitutions, not variables.</summary>
public static partial class Variables
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Token();

    /// <summary>The distinct tokens of <paramref name="text"/> in order of first appearance.</summary>
    public static IReadOnlyList<string> Distinct(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("{{", StringComparison.Ordinal)) return [];
        var seen = new List<string>();
        foreach (Match match in Token().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!seen.Contains(name, StringComparer.Ordinal)) seen.Add(name);
        }
        return seen;
    }

    public static int CountDistinct(string? text) => Distinct(text).Count;

    /// <summary>
    /// Which param a token takes: <c>{{N}}</c> takes <c>Params[N-1]</c>; a named token takes the param at its
    /// position among the distinct tokens.
    /// </summary>
    public static int ParamIndex(string token, IReadOnlyList<string> distinctTokens) =>
        int.TryParse(token, out var number) && number >= 1 ? number - 1 : IndexOf(distinctTokens, token);

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
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
