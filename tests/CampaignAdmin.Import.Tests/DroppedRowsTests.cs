using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Import.Tests;

public class DroppedRowsTests
{
    private static ImportSession Session(string sample)
    {
        var table = Samples.Read(sample);
        return new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Samples.TwoBodyVariables));
    }

    [Fact]
    public void GoingOnWithProblemsLeftDropsThemAndCountsThemAsDropped()
    {
        var session = Session("invalid-numbers.csv");

        var removed = session.DropProblems();

        Assert.Equal(2, removed);
        Assert.Equal(new ImportStats(RowsRead: 4, Accepted: 2, Fixed: 0, Dropped: 2, Problems: 0), session.Stats);
        Assert.Equal([3, 4], session.DroppedRows.Select(r => r.Number));
    }

    [Fact]
    public void EveryRowReadIsAcceptedDroppedOrStillAProblem()
    {
        var session = Session("duplicates.csv");
        session.Drop(3);
        session.Fix(4, "+966539078946");

        var stats = session.Stats;

        Assert.Equal(stats.RowsRead, stats.Accepted + stats.Dropped + stats.Problems);
        Assert.Equal(new ImportStats(RowsRead: 4, Accepted: 3, Fixed: 1, Dropped: 1, Problems: 0), stats);
    }

    [Fact]
    public void RejectedRowsIncludeDroppedRowsInFileOrderSaidToBeDropped()
    {
        var session = Session("invalid-numbers.csv");
        session.Drop(4);

        var csv = SampleFiles.RejectedCsv(session, ["Body {{1}}", "Body {{2}}"]);

        Assert.Equal(
            "Row,Problem,Account ID,Body {{1}},Body {{2}}\r\n" +
            "3,\"\"\"12345\"\" is not a valid phone number\",12345,Short,2\r\n" +
            "4,\"\"\"not a phone\"\" is not a valid phone number (dropped)\",not a phone,Text,3\r\n",
            csv);
    }
}
