namespace Fangkong.Demo;

/// <summary>Reports a step's own (done, total) counts as the demo's progress for that step.</summary>
internal sealed class StepProgress(IProgress<DemoSetup.Progress> progress, DemoSetup.Step step) : IProgress<(long Done, long Total)>
{
    public void Report((long Done, long Total) value) => progress.Report(new DemoSetup.Progress(step, value.Done, value.Total));
}
