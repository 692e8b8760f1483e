import { HavenkitCommand } from '../base-command.js';

export default class Demo extends HavenkitCommand {
  static override summary = 'Show havenkit on bundled examples (no cluster needed).';
  static override description =
    'Checks the bundled demo cluster snapshot against the Haven standard and synthesizes the bundled example application for every EU provider profile.';

  async run(): Promise<void> {
    this.log('havenkit demo');
  }
}
