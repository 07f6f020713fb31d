using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Contracts.Campaigns;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Campaigns.List;

// A row's read-only cells are two markup strings (RowMarkup, every value HTML-encoded); its status chip, Open, Edit and
// Delete are elements.
public partial class CampaignGrid
{
    private readonly RowMarkup _markup = new();

    // The cells before the status chip, and those after it. The chip and the Open link are elements around MudBlazor's icon
    // (one string shared by every row and circuit): as text, each row would hold its own copy of the SVG.
    private static string NameCellsHtml(CampaignResponse campaign) =>
        RowMarkup.Cell("Name", $"<a href=\"campaigns/{campaign.Id}\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2\">{RowMarkup.Encode(campaign.Name)}</a>")
        + RowMarkup.Cell("Template", RowMarkup.Encode(campaign.TemplateName));

    private string FigureCellsHtml(CampaignResponse campaign, DateTimeOffset now) =>
        RowMarkup.Cell(_sendTimeColumn, SendTime.Html(campaign.SendAt, _zone, now, "on creation"))
        + RowMarkup.Cell("Progress", CampaignProgress.Html(campaign))
        + RowMarkup.Cell("Read", ReadFigures.Html(campaign), "nowrap")
        + RowMarkup.Cell(_createdColumn, SendTime.Html(campaign.CreatedAt, _zone, now));

    private static readonly string OpenIcon = PlainMarkup.IconHtml(Icons.Material.Filled.OpenInNew),
        EditIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Edit), DeleteIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Delete);
}
