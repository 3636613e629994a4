// Placeholder bootstrap; the shell is built in issue 3.
import { app } from 'electron';
void app.whenReady();
