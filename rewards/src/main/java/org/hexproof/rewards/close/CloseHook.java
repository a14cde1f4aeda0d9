package org.hexproof.rewards.close;

/** Runs at each {@link CloseStep}; production uses {@link #NONE}, crash tests throw. */
@FunctionalInterface
public interface CloseHook {
  /** Does nothing. */
  CloseHook NONE = step -> {};

  /**
   * Called when the closer reaches a step.
   *
   * @param step the step; not null
   */
  void reached(CloseStep step);
}
