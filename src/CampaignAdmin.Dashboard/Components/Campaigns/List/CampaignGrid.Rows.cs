using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Contracts.Campaigns;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Campaigns.List;

// A row's read-only cells are markup strings (RowMarkup, every value HTML-encoded); Open, Edit and Delete are elements.
public partial class CampaignGrid
{
    private readonly RowMarkup _markup = new();

    // The columns' names and the row actions' words in the circuit's language, looked up once (OnInitialized), not per row;
    // the actions' "{0}" is the campaign's name.
    private sealed record Columns(string Name, string Template, string Status, string Progress, string Read, string Actions, string OnCreation);
    private sealed record RowActions(string Open, string OpenNamed, string EditTip, string EditNamed, string Delete, string DeleteNamed);
    private Columns _column = new("Name", "Template", "Status", "Progress", "Read", "Actions", "on creation");
    private RowActions _action = new("Open", "Open {0}", "Edit name and send time", "Edit {0}", "Delete", "Delete {0}");

    // A row is a few markup strings and the elements around the buttons; the grid's frames sit in two pooled arrays whose
    // size is the next power of two above the frame count (with 20 rows: 1,024 frames, 2,048 with a few more per row).
    // Texts that are the same on many rows (the status chip with its SVG, the icons) are one string for all of them; the
    // times, which change as the clock moves, are apart from the figures, which change only when the campaign does.
    private string NameCellsHtml(CampaignResponse campaign) =>
        RowMarkup.Cell(_column.Name, RowMarkup.CampaignLink(campaign.Id, RowMarkup.Encode(campaign.Name)))
        + RowMarkup.Cell(_column.Template, RowMarkup.Encode(campaign.TemplateName));

    private string TimeCellHtml(string column, string? time, DateTimeOffset now, string empty = "—") => RowMarkup.Cell(column, SendTime.Html(time, _zone, now, empty));

    private string FigureCellsHtml(CampaignResponse campaign) =>
        RowMarkup.Cell(_column.Progress, CampaignProgress.Html(campaign)) + RowMarkup.Cell(_column.Read, ReadFigures.Html(campaign), "nowrap");

    private string HeadHtml() => string.Concat(new[] { _column.Name, _column.Template, _column.Status, _sendTimeColumn, _column.Progress, _column.Read, _createdColumn, _column.Actions }
        .Select(column => $"<th scope=\"col\" class=\"mud-table-cell\">{RowMarkup.Encode(column)}</th>"));

    private static readonly string OpenIcon = PlainMarkup.IconHtml(Icons.Material.Filled.OpenInNew),
        EditIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Edit), DeleteIcon = PlainMarkup.IconHtml(Icons.Material.Filled.Delete);
}
