/** Entry of /safety/: registers the page's elements (index.html renders <asg-safety-app>). */
import '../register/asg-staff-gate.js'
import './asg-safety-app.js'
import './asg-safety-report.js'
import './asg-safety-rows.js'
import './asg-safety-start.js'
import './asg-safety-tally.js'
