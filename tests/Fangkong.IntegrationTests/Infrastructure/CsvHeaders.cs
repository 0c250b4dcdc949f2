namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>The documented headers of the import files, shared by the tests that write them.</summary>
public static class CsvHeaders
{
    public const string LineList = "case_no,name,id_number,region_code,type,severity,reported_on,converted_from,outcome,outcome_on";
}
