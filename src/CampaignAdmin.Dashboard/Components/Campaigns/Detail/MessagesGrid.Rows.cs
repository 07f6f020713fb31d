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

    private const string NoAccountId = "<span title=\"The API gave no account ID\" data-testid=\"no-account-id\">—</span>";
    private static readonly string NoKey = $"<span class=\"mud-typography mud-typography-caption\" data-testid=\"no-message-key\">{RowMarkup.Encode(ResendTexts.NoKey)}</span>";

    private string CellsHtml(CampaignMessage message, DateTimeOffset now)
    {
        // The vendor may omit AccountID: a dash that says so, not a blank cell. Values in template order, each one isolated,
        // so an Arabic value keeps its own direction.
        var values = new StringBuilder();
        for (var i = 0; i < message.Params.Count; i++)
            values.Append(i > 0 ? " · " : "").Append("<bdi data-testid=\"message-value\">").Append(RowMarkup.Encode(message.Params[i])).Append("</bdi>");
        return RowMarkup.Cell("Account ID", string.IsNullOrWhiteSpace(message.AccountId) ? NoAccountId : RowMarkup.Encode(message.AccountId), "nowrap")
            + RowMarkup.Cell("Values", values.ToString())
            + RowMarkup.Cell("Status", MessageStatusChip.Html(message.Status, Words))
            + RowMarkup.Cell("Error", ErrorCell.Html(message))
            + RowMarkup.Cell("Attempts", message.Attempts.ToString(System.Globalization.CultureInfo.CurrentCulture))
            + RowMarkup.Cell(_updatedColumn, SendTime.Html(message.UpdatedAt ?? message.CreatedAt, Zone, now));
    }
}
