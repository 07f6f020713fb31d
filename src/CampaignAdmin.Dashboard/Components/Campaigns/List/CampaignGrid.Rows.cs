using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Contracts.Campaigns;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Campaigns.List;

// A row's read-only cells are one markup string and its Open link another (RowMarkup, every value HTML-encoded); only Edit
// and Delete are elements, for their clicks.
public partial class CampaignGrid
{
    private readonly RowMarkup _markup = new();

    private string CellsHtml(CampaignResponse campaign, DateTimeOffset now) =>
        RowMarkup.Cell("Name", $"<a href=\"campaigns/{campaign.Id}\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2\">{RowMarkup.Encode(campaign.Name)}</a>")
        + RowMarkup.Cell("Template", RowMarkup.Encode(campaign.TemplateName))
        + RowMarkup.Cell("Status", StatusChip.Html(campaign.Status, Words))
        + RowMarkup.Cell(_sendTimeColumn, SendTime.Html(campaign.SendAt, _zone, now, "on creation"))
        + RowMarkup.Cell("Progress", CampaignProgress.Html(campaign))
        + RowMarkup.Cell("Read", ReadFigures.Html(campaign), "nowrap")
        + RowMarkup.Cell(_createdColumn, SendTime.Html(campaign.CreatedAt, _zone, now));

    private static string OpenHtml(CampaignResponse campaign) => PlainMarkup.TipHtml("Open",
        $"<a class=\"{PlainMarkup.IconButtonClass()}\" href=\"campaigns/{campaign.Id}\" aria-label=\"{RowMarkup.Encode($"Open {campaign.Name}")}\">{PlainMarkup.IconHtml(Icons.Material.Filled.OpenInNew)}</a>");

    private static readonly string EditIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Edit), DeleteIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Delete);
}
