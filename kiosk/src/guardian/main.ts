/** The guardian page (/guardian/): 欠席・遅刻・早退の連絡 from a phone. */
import '../components/asg-login.js'
import './asg-report-form.js'
import './asg-report-confirm.js'
import './asg-report-receipt.js'
import './asg-report-list.js'
import './asg-guardian-app.js'
import './asg-guardian-events.js'
