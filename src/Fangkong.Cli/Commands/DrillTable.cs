using System.Globalization;
using Fangkong.Common;
using Fangkong.Demo.Drills;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary>Drill reports side by side: the outcomes first, then the people waiting for rooms or beds each day.</summary>
internal static class DrillTable
{
    public static Table Of(IReadOnlyList<DrillReport> reports)
    {
        var table = new Table().AddColumn("指标 Measure");
        foreach (var report in reports)
        {
            table.AddColumn(Markup.Escape(report.Plan.Name));
        }

        void Row(string label, Func<DrillReport, string> value) => table.AddRow([Markup.Escape(label), .. reports.Select(r => Markup.Escape(value(r)))]);
        string N(double? v) => v?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";
        Row("混管 pool size / 实验室 lab tubes a day / 采样点 sampling points", r => $"{r.Plan.PoolSize} / {r.Plan.LabTubesPerDay:N0} / {r.Plan.SamplingPoints}");
        Row("隔离房间 rooms / 方舱床位 beds / 转运车辆 vehicles", r => $"{r.Plan.QuarantineRooms:N0} / {r.Plan.ShelterBeds:N0} / {r.Plan.TransferVehicles}");
        Row("阳性到管控天数 days to control", r => r.Plan.DaysToControl.ToString(CultureInfo.InvariantCulture));
        Row("病例 cases (社会面 social level)", r => $"{r.Cases:N0} ({r.SocialLevelCases:N0})");
        Row("密接 close contacts", r => r.CloseContacts.ToString("N0", CultureInfo.InvariantCulture));
        Row(ErrorText.Of("cli.drill.control-hours").ToString(), r => $"{N(r.ControlHoursMean)} / {N(r.ControlHoursP90)}");
        Row("未收治病例 cases without a bed at the end", r => r.CasesNotControlled.ToString("N0", CultureInfo.InvariantCulture));
        Row("12小时内未转运密接 contacts not placed within 12 h", r => r.ContactsNotPlacedIn12h.ToString("N0", CultureInfo.InvariantCulture));
        Row("社会面清零天数 days to social-level zero", r => r.DaysToSocialZero?.ToString(CultureInfo.InvariantCulture) ?? "未达到 not reached");
        var days = reports.Max(r => r.Days.Count);
        for (var i = 0; i < days; i++)
        {
            var index = i;
            Row($"{reports[0].Days.ElementAtOrDefault(index)?.Date:MM-dd} 等待床位 waiting (病例 cases)", r =>
                r.Days.ElementAtOrDefault(index) is { } d ? $"{d.Waiting} ({d.WaitingCases})" : string.Empty);
        }

        return table;
    }
}
