namespace CampaignAdmin.Import;

/// <summary>Keeps text a spreadsheet opens from being run as a formula (CSV/formula injection, OWASP).</summary>
public static class Spreadsheet
{
    /// <summary>
    /// A cell beginning with <c>=</c> <c>+</c> <c>-</c> <c>@</c>, tab, CR or LF gets a leading apostrophe, which
    /// spreadsheets read as "this is text". So a phone number is written <c>'+966539078942</c> in CSV.
    /// </summary>
    public static string Neutralize(string? value) =>
        string.IsNullOrEmpty(value) || !IsGuarded(value, 0) ? value ?? "" : "'" + value;

    /// <summary>
    /// Undoes <see cref="Neutralize"/> on a cell read back: one leading apostrophe, only where Neutralize would have put it, so
    /// our own sample and exports import as they were written (<c>'+966…</c> is <c>+966…</c>) and any other apostrophe stays.
    /// </summary>
    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == '\'' && IsGuarded(value, 1) ? value[1..] : value;

    private static bool IsGuarded(string value, int at) => value[at] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
