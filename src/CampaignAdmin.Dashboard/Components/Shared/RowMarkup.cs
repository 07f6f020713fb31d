using System.Net;
using Microsoft.AspNetCore.Components;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// A table's rows as markup: a row's read-only cells are one markup frame, not an element, two attributes and a text per
/// cell (a circuit keeps the table's frames and texts in its two render trees for as long as the tab is open, issue 12).
/// Every value goes through <see cref="Encode"/>: text from the API is never written out as markup. A render that builds a
/// text equal to one the render before built reuses that string, so the current and the previous tree hold one copy; texts
/// are still built on every render, so relative times ("3 min ago") are as exact as before.
/// </summary>
public sealed class RowMarkup
{
    private HashSet<string> _shown = new(StringComparer.Ordinal), _building = new(StringComparer.Ordinal);

    /// <summary>Call once at the start of the table's render: what the last render built is what may be shared.</summary>
    public void NextRender()
    {
        (_shown, _building) = (_building, _shown);
        _building.Clear();
    }

    /// <summary><paramref name="text"/>, or the equal string the last render (or this one) already holds.</summary>
    public string Keep(string text)
    {
        if (!_building.TryGetValue(text, out var same) && !_shown.TryGetValue(text, out same)) same = text;
        _building.Add(same);
        return same;
    }

    /// <summary><paramref name="html"/> (built with <see cref="Encode"/>) as one markup frame.</summary>
    public MarkupString Html(string html) => new(Keep(html));

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A link to a campaign's page in MudLink's classes, around <paramref name="html"/> (already encoded).</summary>
    public static string CampaignLink(int id, string html) =>
        $"<a href=\"campaigns/{id}\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2\">{html}</a>";

    /// <summary>A table cell as the tables write it: its column's name in <c>data-label</c> (the small-screen layout shows it).</summary>
    public static string Cell(string label, string html, string? extraClass = null) =>
        $"<td data-label=\"{Encode(label)}\" class=\"mud-table-cell{(extraClass is null ? "" : " " + extraClass)}\">{html}</td>";
}
