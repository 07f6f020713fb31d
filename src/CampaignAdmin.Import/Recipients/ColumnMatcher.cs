using System.Globalization;
using System.Text.RegularExpressions;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Import.Recipients;

/// <summary>
/// Matches a file's headers to "Account ID" and the template's variables, the way a person would read them: by the variable's
/// label, its example, its slot (<c>{{1}}</c>, <c>1</c>, <c>param1</c>), its kind and token (<c>Body {{1}}</c>, <c>body 1</c>),
/// and last by position when the columns left over are exactly as many as the variables left over.
/// </summary>
public static partial class ColumnMatcher
{
    private static readonly string[] AccountIdNames =
        ["accountid", "account", "phone", "phonenumber", "mobile", "mobilenumber", "msisdn", "number", "whatsapp", "whatsappnumber", "to", "رقم", "الجوال", "رقمالجوال", "الهاتف", "رقمالهاتف"];

    /// <summary>
    /// The ways a header can name a variable, strongest first. Each way is tried for every variable before the next, so a weak
    /// match never takes a column that a stronger one names for another variable.
    /// </summary>
    private static readonly Func<TemplateVariable, string[]>[] Ways =
    [
        v => [Key(ColumnHeadings.Of(v))], // our own grid's, sample's and export's heading
        v => [Key(v.Label)],
        v => [Key(v.Meaning)],
        v => Key(v.Example).Any(char.IsLetter) ? [Key(v.Example)] : [], // an example of "1" would read as slot 1
        v => [Slot(v), $"param{Slot(v)}", $"var{Slot(v)}", $"variable{Slot(v)}"],
        v => [KindAndToken(v)],
    ];

    public static ColumnMapping AutoMap(IReadOnlyList<string> headers, IReadOnlyList<TemplateVariable> variables)
    {
        var columns = new HeaderColumns(headers.Select(NamesOf));
        var accountId = columns.Take(AccountIdNames);
        var found = new int?[variables.Count];
        foreach (var way in Ways)
            for (var i = 0; i < variables.Count; i++)
                found[i] ??= columns.Take(way(variables[i]));

        // A sheet headed "Phone, Name, Order" for "Body {{1}}, Body {{2}}": the columns no name claims, in order.
        var missing = Enumerable.Range(0, variables.Count).Where(i => found[i] is null).ToList();
        if (missing.Count > 0)
        {
            var known = new HashSet<string>(AccountIdNames.Concat(variables.SelectMany(v => Ways.SelectMany(way => way(v)))), StringComparer.Ordinal);
            var unnamed = columns.Unnamed(known).Take(missing.Count + 1).ToList();
            if (unnamed.Count == missing.Count)
                for (var i = 0; i < missing.Count; i++) found[missing[i]] = columns.Take(unnamed[i]);
        }
        return new ColumnMapping(accountId, found.Select(c => c is { } column ? ColumnSource.FromColumn(column) : ColumnSource.Unmapped).ToList());
    }

    /// <summary>"Body {{1}}", "body_1", "BODY 1" and "{{1}}" all compare as letters and digits only.</summary>
    public static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), "");

    /// <summary>
    /// What a header answers to: its whole key, and when it holds a <c>{{token}}</c> (as our own grid and sample head columns,
    /// "{{1}} customer name · John" or "Body {{1}} – customer name") the part up to the token and each part after it.
    /// </summary>
    private static string[] NamesOf(string header)
    {
        if (Variables.Token().Match(header) is not { Success: true } token) return [Key(header), .. header.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(Key)];
        var after = header[(token.Index + token.Length)..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return [Key(header), Key(header[..token.Index] + token.Groups[1].Value), .. after.Select(Key)];
    }

    private static readonly char[] Separators = ['·', '–', '—', '|', ':', '(', ')', ','];

    private static string Slot(TemplateVariable variable) => variable.Slot.ToString(CultureInfo.InvariantCulture);

    private static string KindAndToken(TemplateVariable variable)
    {
        var token = Variables.Token().Match(variable.Label) is { Success: true } m ? m.Groups[1].Value : Slot(variable);
        return variable.Kind switch
        {
            VariableKind.Body => $"body{token}",
            VariableKind.HeaderText => $"header{token}",
            _ => "",
        };
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NonWord();
}
