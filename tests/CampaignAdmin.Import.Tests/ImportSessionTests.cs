using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Import.Tests;

public class ImportSessionTests
{
    private static ImportSession Session(string sample, IEnumerable<string>? existing = null)
    {
        var table = Samples.Read(sample);
        return new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Samples.TwoBodyVariables), existingAccountIds: existing);
    }

    [Fact]
    public void HeadersAreMatchedToAccountIdAndTheVariables()
    {
        var table = Samples.Read("utf8-bom-comma.csv");

        var mapping = ColumnMatcher.AutoMap(table.Headers, Samples.TwoBodyVariables);

        Assert.Equal(0, mapping.AccountIdColumn);
        Assert.Equal([1, 2], mapping.Variables.Select(v => v.Column));
        Assert.True(mapping.IsComplete);
    }

    [Fact]
    public void ArabicPhoneHeadersAreRecognisedAndTheOtherColumnsTakenInOrder()
    {
        var table = Samples.Read("arabic-windows-1256.csv");

        var mapping = ColumnMatcher.AutoMap(table.Headers, Samples.TwoBodyVariables);

        Assert.Equal(0, mapping.AccountIdColumn);
        Assert.Equal([1, 2], mapping.Variables.Select(v => v.Column));
        Assert.True(mapping.IsComplete);
    }

    [Fact]
    public void NumbersAreNormalisedToE164()
    {
        var table = Samples.Read("semicolon.csv");
        var session = new ImportSession(table, new ColumnMapping(0, [ColumnSource.FromColumn(1), ColumnSource.Fixed("ORD-ALL")]));

        Assert.Equal(["+966539078942", "+966539078944", "+966539078946"], session.Accepted.Select(r => r.AccountId));
        Assert.All(session.Accepted, r => Assert.Equal("ORD-ALL", r.Params[1]));
        Assert.Equal(new ImportStats(3, 3, 0, 0, 0), session.Stats);
    }

    [Fact]
    public void XlsxNumbersWithoutPlusAreNormalisedInTheDefaultCountry()
    {
        var session = Session("recipients.xlsx");

        Assert.Equal(["+966539078942", "+966539078944", "+966539078946"], session.Accepted.Select(r => r.AccountId));
    }

    [Fact]
    public void InvalidNumbersAreFlaggedWithTheirRowNumbers()
    {
        var session = Session("invalid-numbers.csv");

        var problems = session.Problems.ToList();
        Assert.Equal([3, 4], problems.Select(p => p.Number));
        Assert.Equal("\"12345\" is not a valid phone number", problems[0].ProblemText);
        Assert.Equal(new ImportStats(4, 2, 0, 0, 2), session.Stats);
    }

    [Fact]
    public void DuplicatesWithinTheFileAreFlaggedAfterNormalisationAndRemovableInOneGo()
    {
        var session = Session("duplicates.csv");
        Assert.Equal([3, 4], session.Problems.Select(p => p.Number));
        Assert.All(session.Problems, p => Assert.Equal(ProblemKind.DuplicateInFile, p.Problem));

        var removed = session.DropDuplicates();

        Assert.Equal(2, removed);
        Assert.Equal(new ImportStats(4, 2, 0, 2, 0), session.Stats);
    }

    [Fact]
    public void ADuplicateSaysWhichRowHasTheNumberFirst()
    {
        var session = Session("duplicates.csv");

        Assert.Equal(["+966539078942 is also on row 2", "+966539078942 is also on row 2"], session.Problems.Select(p => p.ProblemText));
        session.Drop(2);
        Assert.Equal("+966539078942 is also on row 3", Assert.Single(session.Problems).ProblemText);
    }

    [Fact]
    public void ALineBreakInAQuotedValueIsSentAsASpaceAndCounted()
    {
        var session = Session("quoted-newlines.csv");

        Assert.Equal("Line one line two", session.Rows[0].Params[0]);
        Assert.Equal("ORD \"quoted\", 1", session.Rows[0].Params[1]);
        Assert.Equal(1, session.ValuesMadeOneLine);
    }

    [Fact]
    public void NumbersAlreadyInTheGridAreFlagged()
    {
        var session = Session("utf8-bom-comma.csv", existing: ["0539078944"]);

        var problem = Assert.Single(session.Problems);
        Assert.Equal((3, ProblemKind.AlreadyInGrid, "+966539078944 is already a recipient"), (problem.Number, problem.Problem!.Value, problem.ProblemText));
    }

    [Fact]
    public void FixingARowInPlaceCountsAsFixedAndDroppingOneAsDropped()
    {
        var session = Session("invalid-numbers.csv");

        session.Fix(3, "+966 53 907 8950");
        session.Drop(4);

        Assert.Empty(session.Problems);
        Assert.Equal("+966539078950", session.Rows.Single(r => r.Number == 3).AccountId);
        Assert.Equal(new ImportStats(4, 3, 1, 1, 0), session.Stats);
    }

    [Fact]
    public void AFixThatDuplicatesAnotherRowIsStillAProblem()
    {
        var session = Session("invalid-numbers.csv");

        session.Fix(3, "+966539078942");

        Assert.Equal(ProblemKind.DuplicateInFile, session.Rows.Single(r => r.Number == 3).Problem);
        Assert.Equal(0, session.Stats.Fixed);
    }

    [Fact]
    public void EmptyCellsAreKeptAsEmptyParamsAndAMissingNumberIsAProblem()
    {
        var session = Session("empty-cells.csv");

        Assert.Equal(["", "ORD-1"], session.Rows[0].Params);
        var missing = Assert.Single(session.Problems);
        Assert.Equal((4, ProblemKind.MissingNumber), (missing.Number, missing.Problem!.Value));
    }

    [Fact]
    public void FormulaLookingValuesAreImportedVerbatim()
    {
        var session = Session("formula-looking.csv");

        Assert.Equal("=HYPERLINK(\"http://evil/\")", session.Rows[0].Params[0]);
        Assert.Equal("+cmd|' /C calc'!A0", session.Rows[1].Params[1]);
    }

    [Fact]
    public void RejectedRowsDownloadAsCsvWithRowNumberAndReasonNeutralised()
    {
        var session = Session("invalid-numbers.csv");

        var csv = SampleFiles.RejectedCsv(session, ["Body {{1}}", "Body {{2}}"]);

        Assert.Equal(
            "Row,Problem,Account ID,Body {{1}},Body {{2}}\r\n3,\"\"\"12345\"\" is not a valid phone number\",12345,Short,2\r\n4,\"\"\"not a phone\"\" is not a valid phone number\",not a phone,Text,3\r\n",
            csv);
    }

    [Fact]
    public void TheSampleCsvHasAccountIdAndOneColumnPerVariable()
    {
        var template = new Contracts.Templates.TemplateDto { Variables = Samples.TwoBodyVariables };

        var csv = SampleFiles.SampleCsv(template);

        Assert.StartsWith("Account ID,{{1}} · John,{{2}} · ORD-12345\r\n'+966539078942,John,ORD-12345\r\n", csv);
    }
}
