/** The admin page (/admin/): roster, registration letters, staff, settings, board devices. */
import '../components/asg-login.js'
import './asg-admin-app.js'
