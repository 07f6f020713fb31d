using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Dashboard.Text;
using CampaignAdmin.Import.Reading;
using CampaignAdmin.Import.Recipients;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New.Import;

/// <summary>What an import brings into the grid, and what it reports.</summary>
public sealed record ImportResult(string FileName, IReadOnlyList<CampaignClient> Clients, ImportStats Stats)
{
    /// <summary>"recipients.csv: 5 rows read, 3 accepted (1 fixed), 2 dropped." Every row is accounted for.</summary>
    public string Summary => $"{FileName}: {RecipientImport.StatsText(Stats)}.";
}

public static class RecipientImport
{
    /// <summary>Uploads are read into a temp file, then parsed; 20 MB holds well over 100,000 rows of a typical template.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true, BackdropClick = false };

    /// <summary>
    /// Reads an upload: through a temp file (deleted on close), so it is held in memory once, by the parser, off the circuit's
    /// thread. A file too large, unreadable or not a sheet throws <see cref="ImportException"/> with a message for the person.
    /// </summary>
    public static async Task<SheetTable> ReadAsync(IBrowserFile file)
    {
        if (file.Size > MaxFileBytes)
            throw new ImportException($"{file.Name} is {file.Size / 1024.0 / 1024.0:0.#} MB; files up to {MaxFileBytes / 1024 / 1024} MB can be imported. Split it into smaller files.");
        try
        {
            await using var buffer = new FileStream(Path.Combine(Path.GetTempPath(), $"campaign-import-{Guid.NewGuid():N}"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var upload = file.OpenReadStream(MaxFileBytes)) await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            return await Task.Run(() => SheetReader.Read(buffer, file.Name));
        }
        catch (IOException exception)
        {
            throw new ImportException($"{file.Name} could not be uploaded: {exception.Message}");
        }
    }

    public static string StatsText(ImportStats stats)
    {
        var parts = new List<string>
        {
            stats.RowsRead == 1 ? Localized.Text(typeof(RecipientImport), "1 row read") : Localized.Format(typeof(RecipientImport), "{0:N0} rows read", stats.RowsRead),
            Localized.Format(typeof(RecipientImport), "{0:N0} accepted", stats.Accepted)
                + (stats.Fixed > 0 ? " " + Localized.Format(typeof(RecipientImport), "({0:N0} fixed)", stats.Fixed) : ""),
            Localized.Format(typeof(RecipientImport), "{0:N0} dropped", stats.Dropped),
        };
        if (stats.Problems > 0) parts.Add(Localized.Format(typeof(RecipientImport), "{0:N0} with problems", stats.Problems));
        return string.Join(Localized.Text(typeof(RecipientImport), ", "), parts);
    }

    /// <summary>The rows to add, or <c>null</c> when the person cancelled.</summary>
    public static async Task<ImportResult?> ImportAsync(this IDialogService dialogs, IReadOnlyList<TemplateVariable> variables, TemplateDto? template,
        string region, IReadOnlyCollection<string> existingAccountIds)
    {
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Variables, variables },
            { d => d.Template, template },
            { d => d.Region, region },
            { d => d.ExistingAccountIds, existingAccountIds },
        };
        var dialog = await dialogs.ShowAsync<ImportDialog>(Localized.Text(typeof(RecipientImport), "Import recipients from a file"), parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ImportResult imported } ? imported : null;
    }
}
