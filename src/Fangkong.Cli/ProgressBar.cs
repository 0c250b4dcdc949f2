using Spectre.Console;

namespace Fangkong.Cli;

/// <summary>One bar for long work (imports of millions of rows): the work reports how far it is, of how much, and what it is doing.</summary>
internal static class ProgressBar
{
    public delegate void Report(long done, long total, string description);

    public static async Task<T> RunAsync<T>(string description, Func<Report, Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: 1);
                result = await work((done, total, text) =>
                {
                    task.MaxValue = Math.Max(Math.Max(1, total), done);
                    task.Value = done;
                    task.Description = text;
                });
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }
}
