using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Time;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Audit;

// A row has nothing to click but its campaign's link: the whole row is one markup string (RowMarkup, every value HTML-encoded).
public partial class AuditTable
{
    private readonly RowMarkup _markup = new();

    /// <summary>The column titles (and the rows' data labels) in the page's language, looked up once, not per row.</summary>
    private sealed record Columns(string User, string Action, string Campaign, string Details, string Address);

    private Columns _columns = new("User", "Action", "Campaign", "Details", "Address");

    private string RowHtml(AuditEntry entry)
    {
        // The page's one format, to the minute; the exact UTC time (seconds) in its title.
        var when = $"<span title=\"{entry.AtUtc:yyyy-MM-dd HH:mm:ss} UTC\">{RowMarkup.Encode(TimeText.Local(entry.AtUtc, _zone))}</span>";
        var action = PlainMarkup.ChipHtml(AuditActions.Describe(entry.Action) + AuditActions.Outcome(entry.Outcome), Variant.Text,
            Colour(entry.Outcome), null, ("data-outcome", entry.Outcome));
        var campaign = CampaignId is not null ? "" : RowMarkup.Cell(_columns.Campaign, entry.CampaignId is { } id
            ? RowMarkup.CampaignLink(id, $"<span dir=\"auto\">{RowMarkup.Encode(entry.CampaignName.Length > 0 ? entry.CampaignName : $"#{id}")}</span>")
            : "");
        var details = $"<span dir=\"auto\" class=\"audit-details\">{RowMarkup.Encode(entry.Details)}</span>"
            + (entry.Target.Length > 0 ? $"<span class=\"mud-typography mud-typography-caption d-block\">{RowMarkup.Encode(entry.Target)}</span>" : "");
        return "<tr class=\"mud-table-row\">"
            + RowMarkup.Cell(_whenColumn, when, "nowrap")
            + RowMarkup.Cell(_columns.User, RowMarkup.Encode(entry.UserEmail))
            + RowMarkup.Cell(_columns.Action, action, "nowrap")
            + campaign
            + RowMarkup.Cell(_columns.Details, details)
            + RowMarkup.Cell(_columns.Address, $"<span dir=\"ltr\">{RowMarkup.Encode(entry.IpAddress)}</span>", "nowrap")
            + "</tr>";
    }
}
