using System.Text;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Components.Shared;

namespace CampaignAdmin.Dashboard.Components.Campaigns.Detail;

// A row's read-only cells are one markup string (RowMarkup, every value HTML-encoded); only a failed row's Resend is a component.
public partial class MessagesGrid
{
    private readonly RowMarkup _markup = new();

    // The columns' names and the rows' fixed texts, in the circuit's language: looked up once, not once per row (OnInitialized).
    private sealed record Columns(string AccountId, string Values, string Status, string Error, string Attempts, string Actions);
    private Columns _column = new("Account ID", "Values", "Status", "Error", "Attempts", "Actions");
    private string _noAccountId = "", _noKey = "";

    private static string NoAccountIdHtml(string why) => $"<span title=\"{RowMarkup.Encode(why)}\" data-testid=\"no-account-id\">—</span>";
    private static string NoKeyHtml(string why) => $"<span class=\"mud-typography mud-typography-caption\" data-testid=\"no-message-key\">{RowMarkup.Encode(why)}</span>";

    private string CellsHtml(CampaignMessage message, DateTimeOffset now)
    {
        // The vendor may omit AccountID: a dash that says so, not a blank cell. Values in template order, each one isolated,
        // so an Arabic value keeps its own direction; the number left to right, its + in front on an Arabic page too.
        var values = new StringBuilder();
        for (var i = 0; i < message.Params.Count; i++)
            values.Append(i > 0 ? " · " : "").Append("<bdi data-testid=\"message-value\">").Append(RowMarkup.Encode(message.Params[i])).Append("</bdi>");
        return RowMarkup.Cell(_column.AccountId, string.IsNullOrWhiteSpace(message.AccountId) ? _noAccountId : $"<span dir=\"ltr\">{RowMarkup.Encode(message.AccountId)}</span>", "nowrap")
            + RowMarkup.Cell(_column.Values, values.ToString())
            + RowMarkup.Cell(_column.Status, MessageStatusChip.Html(message.Status, Words))
            + RowMarkup.Cell(_column.Error, ErrorCell.Html(message))
            + RowMarkup.Cell(_column.Attempts, message.Attempts.ToString(System.Globalization.CultureInfo.CurrentCulture))
            + RowMarkup.Cell(_updatedColumn, SendTime.Html(message.UpdatedAt ?? message.CreatedAt, Zone, now));
    }
}
